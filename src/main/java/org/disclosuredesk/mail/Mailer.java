package org.disclosuredesk.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.process.RequestProcess;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Queues a mail in the caller's transaction: the text is rendered from a Chinese template now, and
 * a {@code mail-delivery} process instance delivers it asynchronously with retries. The templates'
 * {@code agency} is the agency in whose name the mail goes (DOMAIN.md §8): the request's, or the
 * one the caller names.
 */
@Service
public class Mailer {

  public static final String PROCESS = "mail-delivery";
  public static final String MAIL_ID = "mailId";

  private final MailRepository mails;
  private final RuntimeService runtime;
  private final BusinessClock clock;
  private final RequestRepository requests;
  private final Agencies agencies;
  private final String defaultAgency;
  private final Mustache.Compiler mustache =
      Mustache.compiler().escapeHTML(false).defaultValue("").nullValue("");
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  public Mailer(
      MailRepository mails,
      RuntimeService runtime,
      BusinessClock clock,
      RequestRepository requests,
      Agencies agencies,
      @Value("${disclosure.agency.code:AGENCY}") String defaultAgency) {
    this.mails = mails;
    this.runtime = runtime;
    this.clock = clock;
    this.requests = requests;
    this.agencies = agencies;
    this.defaultAgency = defaultAgency;
  }

  /**
   * Queues one mail in the name of the request's agency (without a request: the platform's default
   * agency); returns its id, or null while {@link MailHold} holds mail. {@code attachments} are
   * letter ids.
   */
  public String queue(
      String requestId,
      String kind,
      String to,
      String subject,
      String template,
      Object model,
      List<String> attachments) {
    return queueFor(null, requestId, kind, to, subject, template, model, attachments);
  }

  /**
   * The same in the name of this agency (when null, the request's): for a mail about no request
   * yet, such as an online submission, which belongs to the agency it was sent or forwarded to.
   */
  public String queueFor(
      String agencyCode,
      String requestId,
      String kind,
      String to,
      String subject,
      String template,
      Object model,
      List<String> attachments) {
    if (MailHold.held()) {
      return null;
    }
    // the caller's values first, then the agency the mail goes in the name of (no caller names one
    // "agency")
    StringWriter body = new StringWriter();
    templates
        .computeIfAbsent(template, this::load)
        .execute(model, new Sender(agency(agencyCode, requestId)), body);
    String id = UUID.randomUUID().toString();
    mails.insert(
        id,
        requestId,
        kind,
        to,
        subject,
        body.toString(),
        attachments == null || attachments.isEmpty() ? null : String.join(",", attachments),
        LocalDateTime.ofInstant(clock.now(), clock.zone()));
    // the mail's agency is the delivery's Camunda tenant (process.AgencyTenants): no other agency
    // sees it
    String tenant =
        agencyCode != null
            ? agencyCode
            : requestId == null
                ? null
                : requests.find(requestId).map(RequestRow::agencyCode).orElse(null);
    runtime
        .createProcessInstanceByKey(PROCESS)
        .businessKey(requestId)
        .setVariable(MAIL_ID, id)
        .setVariable(RequestProcess.AGENCY, Variables.stringValue(tenant, true))
        .execute();
    return id;
  }

  /**
   * What every mail template may say beside the caller's values: {@code {{agency.name}}} and the
   * like.
   */
  private record Sender(Agency agency) {}

  /**
   * Read from the registry on every mail: an admin may have changed the agency's contact on another
   * node.
   */
  private Agency agency(String agencyCode, String requestId) {
    String code = agencyCode;
    if (code == null && requestId != null) {
      code = requests.find(requestId).map(RequestRow::agencyCode).orElse(null);
    }
    if (code == null) {
      code = defaultAgency;
    }
    String wanted = code;
    List<Agency> all = agencies.all();
    // a mail must never fail its step for want of a name: the default agency, else the only one
    return all.stream()
        .filter(a -> a.code().equals(wanted))
        .findFirst()
        .or(() -> all.stream().filter(a -> a.code().equals(defaultAgency)).findFirst())
        .orElseGet(() -> all.isEmpty() ? null : all.get(0));
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
