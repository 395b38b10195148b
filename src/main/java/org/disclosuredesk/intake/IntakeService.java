package org.disclosuredesk.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.handling.RequestDeadlines;
import org.disclosuredesk.identity.ApplicantIdentity;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.IdType;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.mail.Mailer;
import org.disclosuredesk.process.RequestProcess;
import org.disclosuredesk.request.IdentityCheck;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestEvents;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration (登记), one service for the online portal, the clerk's API calls and the Tasklist
 * start form: the API starts the process, and the process's first step ({@link RegisterRequest})
 * writes the request.
 */
@Service
public class IntakeService {

  public static final String TRACKING_NUMBER = "trackingNumber";

  private final Map<String, RegistrationForm> pending =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final RequestRepository requests;
  private final TrackingNumbers trackingNumbers;
  private final RequestEvents events;
  private final RuntimeService runtime;
  private final BusinessClock clock;
  private final RequestDeadlines deadlines;
  private final Mailer mailer;
  private final AgencyScope agencies;

  public IntakeService(
      RequestRepository requests,
      TrackingNumbers trackingNumbers,
      RequestEvents events,
      RuntimeService runtime,
      BusinessClock clock,
      RequestDeadlines deadlines,
      Mailer mailer,
      AgencyScope agencies) {
    this.agencies = agencies;
    this.requests = requests;
    this.trackingNumbers = trackingNumbers;
    this.events = events;
    this.runtime = runtime;
    this.clock = clock;
    this.deadlines = deadlines;
    this.mailer = mailer;
  }

  public record Registered(RequestRow request, boolean created) {}

  /**
   * The history's details of the registration (dd_event); {@code warning} only for identity numbers
   * to check.
   */
  record RegisteredEvent(
      String trackingNumber,
      String channel,
      LocalDate receivedOn,
      LocalDate dueOn,
      @JsonInclude(Include.NON_NULL) String warning) {}

  /**
   * Registers once per external reference: the same reference again answers with the first request.
   */
  @Transactional
  public Registered register(RegistrationForm form, String actor) {
    if (form.externalReference() != null) {
      Optional<RequestRow> earlier = requests.findByExternalReference(form.externalReference());
      if (earlier.isPresent()) {
        return new Registered(earlier.get(), false);
      }
    }
    checkRules(form);
    if (form.agencyCode() == null) {
      // a caller that names none (the portal's confirmation names its own) registers for a
      // one-agency platform's
      String only = agencies.only();
      if (only == null) {
        throw new org.disclosuredesk.common.BadInputException(
            "agencyCode", "必填：平台上有多个机关，须写明为哪个机关登记");
      }
      form = form.forAgency(only);
    }
    String id = UUID.randomUUID().toString();
    // handed to the process's first step in this thread, not as a variable: Camunda keeps no
    // personal data
    pending.put(id, form);
    try {
      runtime
          .createProcessInstanceByKey(RequestProcess.KEY)
          .businessKey(id)
          .setVariable(RequestProcess.ACTOR, Variables.stringValue(actor, true))
          // not personal: Camunda's tenant of the instance (process.AgencyTenants)
          .setVariable(RequestProcess.AGENCY, Variables.stringValue(form.agencyCode(), true))
          .execute();
    } finally {
      pending.remove(id);
    }
    return new Registered(requests.get(id), true);
  }

  /**
   * Stands in for the tracking number between the request's insert and its numbering; never
   * committed.
   */
  static String placeholder(String requestId) {
    return "~" + requestId.substring(0, 19);
  }

  /**
   * Takes the year's next tracking number (gap-free: the counter row stays locked until this
   * transaction ends), and records what needs it: the REGISTERED event (and with it the
   * acknowledgement letter) and the mail.
   */
  RequestRow number(String id, String actor) {
    RequestRow draft = requests.get(id);
    requests.update(
        id,
        "tracking_number",
        trackingNumbers.next(draft.agencyCode(), draft.receivedOn().getYear()));
    RequestRow row = requests.get(id);
    events.record(
        id,
        "REGISTERED",
        actor,
        new RegisteredEvent(
            row.trackingNumber(),
            row.channel(),
            row.receivedOn(),
            row.dueOn(),
            IdentityCheck.warning(row)));
    if (row.applicantEmail() != null) {
      Channel channel = Channel.valueOf(row.channel());
      mailer.queue(
          id,
          "ACKNOWLEDGEMENT",
          row.applicantEmail(),
          "收件回执：政府信息公开申请 " + row.trackingNumber(),
          "acknowledgement",
          new AcknowledgementMail(row, channel.label()),
          List.of());
    }
    return row;
  }

  /** The registration the API is starting the process for, if this is that process. */
  Optional<RegistrationForm> pending(String requestId) {
    return Optional.ofNullable(requestId == null ? null : pending.get(requestId));
  }

  public Optional<RequestRow> findByExternalReference(String ref) {
    return ref == null ? Optional.empty() : requests.findByExternalReference(ref);
  }

  /** The rules beyond field formats: dates in the past, confirmation not before arrival. */
  public void checkRules(RegistrationForm form) {
    FieldErrors errors = new FieldErrors();
    LocalDate today = clock.today();
    LocalDate arrived = parse(form.arrivedOn());
    LocalDate confirmed = parse(form.confirmedOn());
    if (arrived != null && arrived.isAfter(today)) {
      errors.add("arrivedOn", "不能晚于今天（" + today + "）");
    }
    if (confirmed != null && confirmed.isAfter(today)) {
      errors.add("confirmedOn", "不能晚于今天（" + today + "）");
    }
    if (arrived != null && confirmed != null && confirmed.isBefore(arrived)) {
      errors.add("confirmedOn", "确认日期不能早于到达日期");
    }
    if (form.applicant() != null
        && ApplicantType.NATURAL_PERSON.name().equals(form.applicant().type())
        && form.applicant().creditCode() != null) {
      errors.add("applicant.creditCode", "自然人不填统一社会信用代码");
    }
    errors.throwIfAny();
  }

  /**
   * Writes the request: receipt date (Art. 31) and due date (Art. 33), under a placeholder number;
   * {@link #number} gives it its tracking number.
   */
  RequestRow create(String id, RegistrationForm form, String actor, String processInstanceId) {
    checkRules(form);
    Channel channel = Channel.valueOf(form.channel());
    LocalDate arrived = LocalDate.parse(form.arrivedOn());
    LocalDate confirmed = form.confirmedOn() == null ? null : LocalDate.parse(form.confirmedOn());
    LocalDate received = channel.receiptDate(arrived, confirmed);
    var applicant = form.applicant();
    Columns cols = new Columns();
    cols.set("id", id);
    cols.set("agency_code", form.agencyCode());
    cols.set("tracking_number", placeholder(id));
    cols.set("receipt_year", received.getYear());
    cols.set("channel", channel.name());
    cols.set("arrived_on", arrived);
    cols.set(
        "confirmed_on",
        channel.receivedOnConfirmation() ? (confirmed != null ? confirmed : arrived) : null);
    cols.set("received_on", received);
    cols.set("clock_start_on", received);
    cols.set("period_working_days", RequestDeadlines.REPLY_WORKING_DAYS);
    cols.set("applicant_type", applicant.type());
    cols.set("applicant_name", applicant.name().strip());
    cols.set("applicant_id_number", blankToNull(applicant.idNumber()));
    cols.set(
        "applicant_id_type",
        applicant.idType() != null
            ? applicant.idType()
            : applicant.idNumber() == null || applicant.idNumber().isBlank()
                ? null
                : IdType.defaultFor(applicant.idNumber()).name());
    cols.set("applicant_credit_code", blankToNull(applicant.creditCode()));
    cols.set("applicant_email", blankToNull(applicant.email()));
    cols.set("applicant_phone", blankToNull(applicant.phone()));
    cols.set("applicant_address", blankToNull(applicant.address()));
    cols.set(
        "applicant_key",
        ApplicantIdentity.key(
            applicant.name(),
            applicant.idNumber(),
            applicant.creditCode(),
            applicant.email(),
            applicant.phone()));
    cols.set("agent_name", form.agent() == null ? null : form.agent().name());
    cols.set("agent_id_number", form.agent() == null ? null : blankToNull(form.agent().idNumber()));
    cols.set("agent_phone", form.agent() == null ? null : blankToNull(form.agent().phone()));
    cols.set(
        "agent_id_type",
        form.agent() == null || form.agent().idNumber() == null
            ? null
            : form.agent().idType() != null
                ? form.agent().idType()
                : IdType.defaultFor(form.agent().idNumber()).name());
    cols.set("description", form.description());
    cols.set("topic", blankToNull(form.topic()));
    cols.set(
        "requested_forms",
        form.requestedForms() == null ? null : String.join(",", form.requestedForms()));
    cols.set("delivery_channel", form.deliveryChannel());
    cols.set("external_reference", form.externalReference());
    cols.set("status", RequestStatus.SCREENING.name());
    cols.set("process_instance_id", processInstanceId);
    cols.set("created_at", LocalDateTime.ofInstant(clock.now(), clock.zone()));
    cols.set("created_by", actor);
    requests.insert(cols);
    deadlines.refresh(id);
    return requests.get(id);
  }

  private static LocalDate parse(String s) {
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The acknowledgement's model (mail/acknowledgement.mustache). */
  public record AcknowledgementMail(RequestRow request, String channelLabel) {}
}
