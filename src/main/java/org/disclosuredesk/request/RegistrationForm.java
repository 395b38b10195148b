package org.disclosuredesk.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.disclosuredesk.common.IsoDate;
import org.disclosuredesk.common.OneOf;
import org.disclosuredesk.kernel.ApplicantType;
import org.disclosuredesk.kernel.Channel;
import org.disclosuredesk.kernel.DeliveryChannel;
import org.disclosuredesk.kernel.IdType;
import org.disclosuredesk.kernel.RequestedForm;

/**
 * A request as the clerk or the online portal registers it ({@code POST /api/requests}, the
 * Tasklist start form).
 */
public record RegistrationForm(
    @NotNull(message = "必填") @OneOf(Channel.class) String channel,
    @NotNull(message = "必填") @IsoDate String arrivedOn,
    @IsoDate String confirmedOn,
    @NotNull(message = "必填") @Valid Applicant applicant,
    @Valid Agent agent,
    @NotBlank(message = "必填") @Size(max = 10000, message = "不能超过 10000 个字符") String description,
    @Size(max = 100, message = "不能超过 100 个字符") String topic,
    @Size(max = 3, message = "最多 3 项")
        List<@NotNull(message = "不能为空") @OneOf(RequestedForm.class) String> requestedForms,
    @OneOf(DeliveryChannel.class) String deliveryChannel,
    @Size(max = 200, message = "不能超过 200 个字符") String externalReference,
    @Size(max = 16, message = "不能超过 16 个字符") String agencyCode) {

  public RegistrationForm(
      String channel,
      String arrivedOn,
      String confirmedOn,
      Applicant applicant,
      Agent agent,
      String description,
      String topic,
      List<String> requestedForms,
      String deliveryChannel,
      String externalReference) {
    this(
        channel,
        arrivedOn,
        confirmedOn,
        applicant,
        agent,
        description,
        topic,
        requestedForms,
        deliveryChannel,
        externalReference,
        null);
  }

  /** The same registration for this agency (DOMAIN.md §8). */
  public RegistrationForm forAgency(String code) {
    return new RegistrationForm(
        channel,
        arrivedOn,
        confirmedOn,
        applicant,
        agent,
        description,
        topic,
        requestedForms,
        deliveryChannel,
        externalReference,
        code);
  }

  private static final String ID_PATTERN = "[0-9A-Za-z-]{6,40}";

  public record Applicant(
      @NotNull(message = "必填") @OneOf(ApplicantType.class) String type,
      @NotBlank(message = "必填") @Size(max = 100, message = "不能超过 100 个字符") String name,
      @Pattern(regexp = ID_PATTERN, message = "证件号码格式不正确") String idNumber,
      @Pattern(regexp = "[0-9A-Z]{18}", message = "统一社会信用代码应为 18 位数字或大写字母") String creditCode,
      @Email(message = "电子邮箱格式不正确") @Size(max = 254, message = "不能超过 254 个字符") String email,
      @Pattern(regexp = "[0-9+() -]{5,40}", message = "电话号码格式不正确") String phone,
      @Size(max = 2000, message = "不能超过 2000 个字符") String address,
      @OneOf(IdType.class) String idType) {

    public Applicant(
        String type,
        String name,
        String idNumber,
        String creditCode,
        String email,
        String phone,
        String address) {
      this(type, name, idNumber, creditCode, email, phone, address, null);
    }
  }

  public record Agent(
      @NotBlank(message = "必填") @Size(max = 100, message = "不能超过 100 个字符") String name,
      @Pattern(regexp = ID_PATTERN, message = "证件号码格式不正确") String idNumber,
      @Pattern(regexp = "[0-9+() -]{5,40}", message = "电话号码格式不正确") String phone,
      @OneOf(IdType.class) String idType) {

    public Agent(String name, String idNumber, String phone) {
      this(name, idNumber, phone, null);
    }
  }
}
