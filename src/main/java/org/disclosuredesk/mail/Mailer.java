package org.disclosuredesk.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.process.RequestProcess;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Queues a mail in the caller's transaction: the text is rendered from a Chinese template now, and a
 * {@code mail-delivery} process instance delivers it asynchronously with retries.
 */
@Service
public class Mailer {

  public static final String PROCESS = "mail-delivery";
  public static final String MAIL_ID = "mailId";

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final BusinessClock clock;
  private final AgencyProperties agency;
  private final Mustache.Compiler mustache = Mustache.compiler().escapeHTML(false).defaultValue("").nullValue("");
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  public Mailer(JdbcClient jdbc, RuntimeService runtime, BusinessClock clock, AgencyProperties agency) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.clock = clock;
    this.agency = agency;
  }

  /** Queues one mail; returns its id, or null while {@link MailHold} holds mail. {@code attachments} are letter ids. */
  public String queue(String requestId, String kind, String to, String subject, String template,
      Map<String, ?> model, List<String> attachments) {
    if (MailHold.held()) {
      return null;
    }
    Map<String, Object> scope = new HashMap<>(model);
    scope.put("agency", agency);
    String body = templates.computeIfAbsent(template, this::load).execute(scope);
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO dd_mail (id, request_id, kind, recipient, subject, body, attachments, status, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?)")
        .params(id, requestId, kind, to, subject, body,
            attachments == null || attachments.isEmpty() ? null : String.join(",", attachments),
            LocalDateTime.ofInstant(clock.now(), clock.zone()))
        .update();
    // the request's agency is the delivery's Camunda tenant (process.AgencyTenants): no other agency sees it
    String agencyCode = requestId == null ? null : jdbc.sql("SELECT agency_code FROM dd_request WHERE id = ?")
        .param(requestId).query(String.class).optional().orElse(null);
    runtime.createProcessInstanceByKey(PROCESS).businessKey(requestId).setVariable(MAIL_ID, id)
        .setVariable(RequestProcess.AGENCY, Variables.stringValue(agencyCode, true)).execute();
    return id;
  }

  private Template load(String name) {
    var resource = new ClassPathResource("mail/" + name + ".mustache");
    try (Reader r = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return mustache.compile(r);
    } catch (IOException e) {
      throw new IllegalStateException("mail template missing: " + name, e);
    }
  }
}
