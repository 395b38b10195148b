package org.disclosuredesk.handling;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The steps of handling over HTTP (API.md); who may call which is decided in the security configuration. */
@RestController
@RequestMapping(path = "/api/requests/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
public class ActionController {

  private static final Map<String, Object> OK = Map.of("ok", true);

  private final RequestActions actions;

  public ActionController(RequestActions actions) {
    this.actions = actions;
  }

  @PostMapping("/screening")
  Map<String, Object> screening(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.screening(id, body, who.getName());
    return OK;
  }

  @PostMapping("/supplement-request")
  Map<String, Object> supplementRequest(@PathVariable String id, @RequestBody Map<String, Object> body,
      Authentication who) {
    actions.supplementRequest(id, body, who.getName());
    return OK;
  }

  @PostMapping("/supplement")
  Map<String, Object> supplement(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.supplement(id, body, who.getName());
    return OK;
  }

  @PostMapping("/consultation")
  Map<String, Object> consultation(@PathVariable String id, @RequestBody Map<String, Object> body,
      Authentication who) {
    return Map.of("consultationId", actions.consultation(id, body, who.getName()));
  }

  @PostMapping("/consultation/reply")
  Map<String, Object> consultationReply(@PathVariable String id, @RequestBody Map<String, Object> body,
      Authentication who) {
    actions.consultationReply(id, body, who.getName());
    return OK;
  }

  @PostMapping("/extension")
  Map<String, Object> extension(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.extension(id, body, who.getName());
    return OK;
  }

  @PostMapping("/extension/decision")
  Map<String, Object> extensionDecision(@PathVariable String id, @RequestBody Map<String, Object> body,
      Authentication who) {
    actions.extensionDecision(id, body, who.getName());
    return OK;
  }

  @PostMapping("/custom-period")
  Map<String, Object> customPeriod(@PathVariable String id, @RequestBody Map<String, Object> body,
      Authentication who) {
    actions.customPeriod(id, body, who.getName());
    return OK;
  }

  @PostMapping("/fee-notice")
  Map<String, Object> feeNotice(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.feeNotice(id, body, who.getName());
    return OK;
  }

  @PostMapping("/fee-payment")
  Map<String, Object> feePayment(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.feePayment(id, body, who.getName());
    return OK;
  }

  @PostMapping("/withdrawal")
  Map<String, Object> withdrawal(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.withdrawal(id, body, who.getName());
    return OK;
  }

  @PostMapping("/decision")
  Map<String, Object> decision(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.decision(id, body, who.getName());
    return OK;
  }

  @PostMapping("/sign-off")
  Map<String, Object> signOff(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    actions.signOff(id, body, who.getName());
    return OK;
  }
}
