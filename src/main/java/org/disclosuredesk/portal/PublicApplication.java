package org.disclosuredesk.portal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.disclosuredesk.common.Columns;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.common.OneOf;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.DeliveryChannel;
import org.disclosuredesk.kernel.IdType;
import org.disclosuredesk.kernel.RequestedForm;
import org.disclosuredesk.request.RegistrationForm;

/**
 * An application made on the website ({@code POST /public/api/applications}): what Art. 29 asks for
 * — the applicant's name, identity proof and contact, a description of the information, the form
 * wanted — and the proof-of-work.
 */
public record PublicApplication(
    @NotNull(message = "必填") @Valid Applicant applicant,
    @Valid Agent agent,
    @NotBlank(message = "必填") @Size(max = 10000, message = "不能超过 10000 个字符") String description,
    @Size(max = 3, message = "最多 3 项")
        List<@NotNull(message = "不能为空") @OneOf(RequestedForm.class) String> requestedForms,
    @OneOf(DeliveryChannel.class) String deliveryChannel,
    @Size(max = 2000, message = "格式不正确") String altcha,
    @Size(max = 16, message = "没有这个机关") String agencyCode) {

  private static final String ID_PATTERN = "[0-9A-Za-z-]{6,40}";
  private static final String PHONE = "[0-9+() -]{5,40}";

  public record Applicant(
      @NotNull(message = "必填") @OneOf(ApplicantType.class) String type,
      @NotBlank(message = "必填") @Size(max = 100, message = "不能超过 100 个字符") String name,
      @OneOf(IdType.class) String idType,
      @Pattern(regexp = ID_PATTERN, message = "证件号码格式不正确") String idNumber,
      @Pattern(regexp = "[0-9A-Za-z]{18}", message = "统一社会信用代码应为 18 位数字或大写字母") String creditCode,
      @Email(message = "电子邮箱格式不正确") @Size(max = 254, message = "不能超过 254 个字符") String email,
      @NotBlank(message = "必填：联系电话") @Pattern(regexp = PHONE, message = "电话号码格式不正确") String phone,
      @Size(max = 2000, message = "不能超过 2000 个字符") String address) {

    RegistrationForm.Applicant asRegistration() {
      return new RegistrationForm.Applicant(
          type, name, upper(idNumber), upper(creditCode), email, phone, address, idType);
    }
  }

  public record Agent(
      @NotBlank(message = "必填") @Size(max = 100, message = "不能超过 100 个字符") String name,
      @OneOf(IdType.class) String idType,
      @Pattern(regexp = ID_PATTERN, message = "证件号码格式不正确") String idNumber,
      @Pattern(regexp = PHONE, message = "电话号码格式不正确") String phone) {

    RegistrationForm.Agent asRegistration() {
      return new RegistrationForm.Agent(name, upper(idNumber), phone, idType);
    }
  }

  /** What Art. 29 needs beyond each field's format: identity proof by the kind of applicant. */
  void checkRules(FieldErrors errors) {
    if (applicant == null || applicant.type() == null) {
      return;
    }
    boolean person = ApplicantType.NATURAL_PERSON.name().equals(applicant.type());
    if (person && blank(applicant.idNumber())) {
      errors.add("applicant.idNumber", "必填：自然人须提供身份证件号码（第二十九条）");
    }
    if (person && !blank(applicant.creditCode())) {
      errors.add("applicant.creditCode", "自然人不填统一社会信用代码");
    }
    if (!person && blank(applicant.creditCode())) {
      errors.add("applicant.creditCode", "必填：法人或其他组织须提供统一社会信用代码（第二十九条）");
    }
    if (agent != null && blank(agent.idNumber())) {
      errors.add("agent.idNumber", "必填：代理人须提供身份证件号码");
    }
  }

  /**
   * The submission's columns from the application, as typed (trimmed, identity numbers
   * upper-cased).
   */
  Columns columns() {
    Columns c = new Columns();
    c.set("applicant_type", applicant.type());
    c.set("applicant_name", applicant.name().strip());
    String idNumber = upper(applicant.idNumber());
    c.set(
        "applicant_id_type",
        idNumber == null
            ? null
            : applicant.idType() != null ? applicant.idType() : IdType.defaultFor(idNumber).name());
    c.set("applicant_id_number", idNumber);
    c.set("applicant_credit_code", upper(applicant.creditCode()));
    c.set("applicant_email", trim(applicant.email()));
    c.set("applicant_phone", trim(applicant.phone()));
    c.set("applicant_address", trim(applicant.address()));
    c.set("agent_name", agent == null ? null : agent.name().strip());
    String agentId = agent == null ? null : upper(agent.idNumber());
    c.set(
        "agent_id_type",
        agentId == null
            ? null
            : agent.idType() != null ? agent.idType() : IdType.defaultFor(agentId).name());
    c.set("agent_id_number", agentId);
    c.set("agent_phone", agent == null ? null : trim(agent.phone()));
    c.set("description", description.strip());
    c.set(
        "requested_forms",
        requestedForms == null || requestedForms.isEmpty()
            ? null
            : String.join(",", requestedForms.stream().distinct().toList()));
    c.set("delivery_channel", deliveryChannel);
    return c;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return blank(s) ? null : s.strip();
  }

  private static String upper(String s) {
    return blank(s) ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
  }
}
