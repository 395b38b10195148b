package org.disclosuredesk.request;

import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosuredesk.identity.IdentityNumbers;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.IdType;

/**
 * The identity numbers of an application checked by the standards ({@link IdentityNumbers}): the
 * public channel refuses a problem (400 naming the field); the staff side registers with a warning,
 * since the paper in hand is the fact (API.md "Identity").
 */
public final class IdentityCheck {

  private IdentityCheck() {}

  /** Field → problem, for every identity number that fails its standard; empty when all pass. */
  public static Map<String, String> problems(
      RegistrationForm.Applicant applicant, RegistrationForm.Agent agent) {
    Map<String, String> out = new LinkedHashMap<>();
    if (applicant != null) {
      if (ApplicantType.NATURAL_PERSON.name().equals(applicant.type())) {
        residentId(out, "applicant.idNumber", applicant.idType(), applicant.idNumber());
      } else if (applicant.creditCode() != null && !applicant.creditCode().isBlank()) {
        String p = IdentityNumbers.creditCodeProblem(applicant.creditCode().strip());
        if (p != null) {
          out.put("applicant.creditCode", p);
        }
      }
    }
    if (agent != null) {
      residentId(out, "agent.idNumber", agent.idType(), agent.idNumber());
    }
    return out;
  }

  /** The warning a clerk sees for a registered request's identity numbers, or null. */
  public static String warning(RequestRow row) {
    return warning(
        problems(
            new RegistrationForm.Applicant(
                row.applicantType(),
                row.applicantName(),
                row.applicantIdNumber(),
                row.applicantCreditCode(),
                null,
                null,
                null,
                row.applicantIdType()),
            row.agentName() == null
                ? null
                : new RegistrationForm.Agent(
                    row.agentName(), row.agentIdNumber(), null, row.agentIdType())));
  }

  /** The warning a clerk sees for these problems, or null. */
  public static String warning(Map<String, String> problems) {
    if (problems.isEmpty()) {
      return null;
    }
    StringBuilder s = new StringBuilder("证件号码未通过校验，请核对原件：");
    problems.forEach(
        (field, problem) ->
            s.append(
                    field.startsWith("agent")
                        ? "代理人证件号码"
                        : field.endsWith("creditCode") ? "统一社会信用代码" : "申请人证件号码")
                .append("（")
                .append(problem)
                .append("）；"));
    s.setLength(s.length() - 1);
    return s.append("。").toString();
  }

  private static void residentId(
      Map<String, String> out, String field, String idType, String number) {
    if (number == null || number.isBlank()) {
      return;
    }
    String n = number.strip();
    IdType type = idType == null ? IdType.defaultFor(n) : IdType.valueOf(idType);
    if (type == IdType.RESIDENT_ID) {
      String p = IdentityNumbers.residentIdProblem(n);
      if (p != null) {
        out.put(field, p);
      }
    }
  }
}
