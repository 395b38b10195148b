package org.disclosuredesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.appeal.AppealReminders;
import org.disclosuredesk.handling.Extensions;
import org.disclosuredesk.handling.Fees;
import org.disclosuredesk.handling.Reminders;
import org.disclosuredesk.handling.Supplements;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.portal.RejectSubmission;
import org.disclosuredesk.portal.Submissions;
import org.disclosuredesk.reply.Conclusion;
import org.disclosuredesk.supervision.SupervisionNotices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mail template against the record its sender gives it: rendered strictly (a name the model
 * lacks fails instead of becoming empty, as it would in {@link Mailer}), so a renamed component
 * cannot blank a line of a letter to the public unnoticed.
 */
class MailModelsTest {

  /**
   * The agency a mail goes out in the name of: the parent context {@link Mailer} gives every
   * template.
   */
  record Sender(Agency agency) {}

  static List<Object[]> templates() {
    return List.of(
        new Object[] {"acknowledgement", IntakeService.AcknowledgementMail.class},
        new Object[] {"appeal-reminder", AppealReminders.ReminderMail.class},
        new Object[] {"appeal-overdue", AppealReminders.ReminderMail.class},
        new Object[] {"extension-notice", Extensions.PeriodMail.class},
        new Object[] {"custom-period-notice", Extensions.PeriodMail.class},
        new Object[] {"fee-notice", Fees.FeeMail.class},
        new Object[] {"reminder", Reminders.ReminderMail.class},
        new Object[] {"overdue", Reminders.OverdueMail.class},
        new Object[] {"reply", Conclusion.ReplyMail.class},
        new Object[] {"submission-received", Submissions.ReceivedMail.class},
        new Object[] {"submission-rejected", RejectSubmission.RejectedMail.class},
        new Object[] {"supervision-notice", SupervisionNotices.NoticeMail.class},
        new Object[] {"supplement-notice", Supplements.SupplementMail.class});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void everyNameTheTemplateUsesIsInItsModel(String template, Class<? extends Record> model)
      throws Exception {
    Object sample = sample(model);
    try (Reader r =
        new InputStreamReader(
            MailModelsTest.class.getResourceAsStream("/mail/" + template + ".mustache"),
            StandardCharsets.UTF_8)) {
      // no defaultValue: a missing name throws; a null value is allowed, as in Mailer
      java.io.StringWriter body = new java.io.StringWriter();
      Mustache.compiler()
          .escapeHTML(false)
          .nullValue("")
          .compile(r)
          .execute(sample, new Sender(sample(Agency.class)), body);
      assertThat(body.toString()).isNotBlank();
    }
  }

  /** An instance with a value for every component: texts, dates, numbers, nested records. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> T sample(Class<T> type) throws Exception {
    if (type == String.class) {
      return (T) "文字";
    }
    if (type == LocalDate.class) {
      return (T) LocalDate.of(2026, 3, 2);
    }
    if (type == LocalDateTime.class) {
      return (T) LocalDateTime.of(2026, 3, 2, 9, 30);
    }
    if (type == int.class || type == Integer.class) {
      return (T) Integer.valueOf(20);
    }
    if (type == long.class || type == Long.class) {
      return (T) Long.valueOf(20);
    }
    if (type == boolean.class || type == Boolean.class) {
      return (T) Boolean.TRUE;
    }
    if (type == BigDecimal.class) {
      return (T) BigDecimal.TEN;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == List.class) {
      return (T) List.of();
    }
    if (type == Map.class) {
      return (T) Map.of();
    }
    if (type.isRecord()) {
      RecordComponent[] parts = type.getRecordComponents();
      Class<?>[] types = new Class<?>[parts.length];
      Object[] values = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        values[i] = sample(types[i]);
      }
      var constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    }
    return null;
  }
}
