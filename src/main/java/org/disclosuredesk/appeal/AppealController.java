package org.disclosuredesk.appeal;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reconsideration and litigation over HTTP (API.md); roles are decided in the security configuration. */
@RestController
public class AppealController {

  private static final Map<String, Object> OK = Map.of("ok", true);

  private final AppealActions actions;

  public AppealController(AppealActions actions) {
    this.actions = actions;
  }

  @PostMapping(path = "/api/requests/{id}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> open(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication who) {
    return actions.open(id, body, who.getName());
  }

  @GetMapping("/api/appeals/{appealId}")
  Map<String, Object> get(@PathVariable String appealId) {
    return actions.get(appealId);
  }

  @PostMapping(path = "/api/appeals/{appealId}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> submission(@PathVariable String appealId, @RequestBody Map<String, Object> body,
      Authentication who) {
    actions.submission(appealId, body, who.getName());
    return OK;
  }

  @PostMapping(path = "/api/appeals/{appealId}/result", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> result(@PathVariable String appealId, @RequestBody Map<String, Object> body,
      Authentication who) {
    actions.result(appealId, body, who.getName());
    return OK;
  }

  @PostMapping(path = "/api/appeals/{appealId}/rehandling", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> rehandling(@PathVariable String appealId, @RequestBody Map<String, Object> body,
      Authentication who) {
    actions.rehandling(appealId, body, who.getName());
    return OK;
  }
}
