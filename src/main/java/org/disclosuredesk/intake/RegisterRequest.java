package org.disclosuredesk.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.handling.DeadlineTimers;
import org.disclosuredesk.process.Actors;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Component;

/**
 * BPMN "登记申请": writes the request. From the API the registration is handed over by the starting
 * thread; from the Tasklist start form as form fields, which are validated by the same rules and
 * then removed, so Camunda keeps no personal data.
 */
@Component("registerRequest")
public class RegisterRequest implements JavaDelegate {

  static final List<String> FORM_FIELDS =
      List.of(
          "channel",
          "arrivedOn",
          "confirmedOn",
          "applicantType",
          "applicantName",
          "applicantIdNumber",
          "applicantCreditCode",
          "applicantEmail",
          "applicantPhone",
          "applicantAddress",
          "agentName",
          "agentIdNumber",
          "agentPhone",
          "description",
          "topic",
          "formPaper",
          "formElectronic",
          "formInspection",
          "deliveryChannel");

  private final IntakeService intake;
  private final Validator validator;
  private final IdentityService identity;
  private final DeadlineTimers timers;
  private final AgencyScope agencies;

  public RegisterRequest(
      IntakeService intake,
      Validator validator,
      IdentityService identity,
      DeadlineTimers timers,
      AgencyScope agencies) {
    this.agencies = agencies;
    this.intake = intake;
    this.validator = validator;
    this.identity = identity;
    this.timers = timers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    RegistrationForm form = intake.pending(id).orElseGet(() -> fromStartForm(execution));
    if (id == null) {
      id = UUID.randomUUID().toString();
      execution.setProcessBusinessKey(id);
    }
    String actor = Actors.of(execution, identity);
    intake.create(id, form, actor, execution.getProcessInstanceId());
    execution.removeVariables(FORM_FIELDS);
    // numbered here, so the first task is briefed with its number and nothing is rewritten after
    // the start; the year's counter row stays locked from here to the commit (gap-free numbering)
    RequestRow row = intake.number(id, actor);
    execution.setVariable(IntakeService.TRACKING_NUMBER, row.trackingNumber());
    timers.initialise(execution, row);
  }

  private RegistrationForm fromStartForm(DelegateExecution ex) {
    String agentName = text(ex, "agentName");
    RegistrationForm form =
        new RegistrationForm(
            text(ex, "channel"),
            text(ex, "arrivedOn"),
            text(ex, "confirmedOn"),
            new RegistrationForm.Applicant(
                text(ex, "applicantType"),
                text(ex, "applicantName"),
                text(ex, "applicantIdNumber"),
                text(ex, "applicantCreditCode"),
                text(ex, "applicantEmail"),
                text(ex, "applicantPhone"),
                text(ex, "applicantAddress")),
            agentName == null
                ? null
                : new RegistrationForm.Agent(
                    agentName, text(ex, "agentIdNumber"), text(ex, "agentPhone")),
            text(ex, "description"),
            text(ex, "topic"),
            requestedForms(ex),
            text(ex, "deliveryChannel"),
            null,
            starterAgency(ex));
    FieldErrors errors = new FieldErrors();
    for (ConstraintViolation<RegistrationForm> v : validator.validate(form)) {
      errors.add(v.getPropertyPath().toString(), v.getMessage());
    }
    errors.throwIfAny();
    return form;
  }

  /**
   * The agency of the clerk starting the form in Tasklist: their only one (or the platform's); a
   * clerk of several registers through the ledger or the API, which name it.
   */
  private String starterAgency(DelegateExecution ex) {
    if (ex.getTenantId() != null) {
      return ex.getTenantId();
    }
    String only = agencies.only();
    if (only != null) {
      return only;
    }
    var mine = agencies.memberships(Actors.of(ex, identity));
    if (mine.size() != 1) {
      throw new org.disclosuredesk.common.BadInputException(
          "agencyCode", mine.isEmpty() ? "您不属于任何机关，不能登记申请" : "您属于多个机关：请在台账页面或通过接口登记并写明机关");
    }
    return mine.iterator().next();
  }

  private static String text(DelegateExecution ex, String name) {
    Object v = ex.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    String s = v.toString();
    return s.length() > 10 && s.matches("\\d{4}-\\d{2}-\\d{2}T.*")
        ? s.substring(0, 10)
        : s; // date pickers
  }

  /** The form's three check boxes (纸质、电子、查阅). */
  private static List<String> requestedForms(DelegateExecution ex) {
    List<String> out = new ArrayList<>();
    if (Boolean.TRUE.equals(ex.getVariable("formPaper"))) {
      out.add("PAPER");
    }
    if (Boolean.TRUE.equals(ex.getVariable("formElectronic"))) {
      out.add("ELECTRONIC");
    }
    if (Boolean.TRUE.equals(ex.getVariable("formInspection"))) {
      out.add("INSPECTION");
    }
    return out.isEmpty() ? null : out;
  }
}
