package org.disclosuredesk.intake;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.security.PersonalData;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registration, the request file, and the ledger (API.md). */
@RestController
@RequestMapping("/api/requests")
public class RequestController {

  private final IntakeService intake;
  private final RequestView view;
  private final RequestRepository requests;
  private final BusinessClock clock;

  public RequestController(IntakeService intake, RequestView view, RequestRepository requests,
      BusinessClock clock) {
    this.intake = intake;
    this.view = view;
    this.requests = requests;
    this.clock = clock;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegistrationForm form, Authentication who) {
    IntakeService.Registered r;
    try {
      r = intake.register(form, who.getName());
    } catch (DataIntegrityViolationException raced) {
      // the same externalReference registered at the same moment elsewhere: answer with that request
      var first = intake.findByExternalReference(form.externalReference());
      if (first.isEmpty()) {
        throw raced;
      }
      r = new IntakeService.Registered(first.get(), false);
    }
    return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view.summary(r.request()));
  }

  @GetMapping("/{id}")
  Map<String, Object> get(@PathVariable String id, Authentication who) {
    requests.get(id);
    return view.full(id, PersonalData.masked(who));
  }

}
