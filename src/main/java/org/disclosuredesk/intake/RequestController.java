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
import org.disclosuredesk.security.Roles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /** Roles that work with applicants directly and see ID numbers and phones in full. */
  private static final Set<String> FULL_VIEW = Set.of("ROLE_" + Roles.CLERK, "ROLE_" + Roles.REVIEWER,
      "ROLE_" + Roles.OFFICE_HEAD, "ROLE_" + Roles.ADMIN);

  private final IntakeService intake;
  private final RequestView view;
  private final RequestRepository requests;
  private final JdbcClient jdbc;
  private final BusinessClock clock;

  public RequestController(IntakeService intake, RequestView view, RequestRepository requests, JdbcClient jdbc,
      BusinessClock clock) {
    this.intake = intake;
    this.view = view;
    this.requests = requests;
    this.jdbc = jdbc;
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
    boolean mask = who.getAuthorities().stream().noneMatch(a -> FULL_VIEW.contains(a.getAuthority()));
    return view.full(id, mask);
  }

  @GetMapping
  Map<String, Object> ledger(@RequestParam(required = false) String year,
      @RequestParam(required = false) String status, @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String q, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    FieldErrors errors = new FieldErrors();
    Integer y = intParam(errors, "year", year, 1900, 2999);
    int p = orDefault(intParam(errors, "page", page, 0, 1_000_000), 0);
    int s = orDefault(intParam(errors, "size", size, 1, 1000), 20);
    if (status != null && !status.isBlank()) {
      try {
        RequestStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        errors.add("status", "不是允许的取值");
      }
    }
    if (overdue != null && !overdue.isBlank() && !Set.of("true", "false").contains(overdue)) {
      errors.add("overdue", "应为 true 或 false");
    }
    if (q != null && q.length() > 200) {
      errors.add("q", "不能超过 200 个字符");
    }
    errors.throwIfAny();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (y != null) {
      where.append(" AND receipt_year = ?");
      params.add(y);
    }
    if (status != null && !status.isBlank()) {
      where.append(" AND status = ?");
      params.add(status);
    }
    if ("true".equals(overdue)) {
      where.append(" AND ").append(RequestRepository.OVERDUE);
      params.add(clock.today());
    } else if ("false".equals(overdue)) {
      where.append(" AND (status = 'CONCLUDED' OR due_on IS NULL OR due_on >= ?)");
      params.add(clock.today());
    }
    if (q != null && !q.isBlank()) {
      // '!' as the escape character: a backslash means something else again inside MySQL string literals
      String like = "%" + q.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
      where.append(" AND (tracking_number LIKE ? ESCAPE '!' OR applicant_name LIKE ? ESCAPE '!'"
          + " OR description LIKE ? ESCAPE '!' OR topic LIKE ? ESCAPE '!')");
      params.addAll(List.of(like, like, like, like));
    }
    int total = jdbc.sql("SELECT COUNT(*) FROM dd_request" + where).params(params).query(Integer.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(s);
    pageParams.add((long) p * s);
    List<Map<String, Object>> items = jdbc.sql("SELECT id, tracking_number, status, received_on, due_on, outcome,"
            + " concluded_on, topic, applicant_name FROM dd_request" + where
            + " ORDER BY received_on DESC, tracking_number DESC LIMIT ? OFFSET ?")
        .params(pageParams)
        .query((rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getString("id"));
          m.put("trackingNumber", rs.getString("tracking_number"));
          m.put("status", rs.getString("status"));
          m.put("receivedOn", rs.getObject("received_on", LocalDate.class));
          m.put("dueOn", rs.getObject("due_on", LocalDate.class));
          m.put("outcome", rs.getString("outcome"));
          m.put("concludedOn", rs.getObject("concluded_on", LocalDate.class));
          m.put("topic", rs.getString("topic"));
          m.put("applicantName", rs.getString("applicant_name"));
          return m;
        }).list();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("total", total);
    out.put("page", p);
    out.put("size", s);
    return out;
  }

  private static Integer intParam(FieldErrors errors, String name, String value, int min, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        errors.add(name, "应在 " + min + " 到 " + max + " 之间");
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(name, "应为整数");
      return null;
    }
  }

  private static int orDefault(Integer v, int d) {
    return v == null ? d : v;
  }
}
