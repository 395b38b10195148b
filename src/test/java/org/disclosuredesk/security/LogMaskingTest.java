package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The app's real console log (logback-spring.xml): ordinary lines a person reads, never an ID
 * number or phone in full, in the message or in a stack trace; the ECS JSON of the prod and
 * json-logs profiles masks them too.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

  private static final Logger log = LoggerFactory.getLogger(LogMaskingTest.class);

  @Test
  void consoleLinesAreReadableAndMasked(CapturedOutput output) {
    log.info("收到申请：申请人身份证号 370102199001011234，联系电话 13800000000");
    log.warn(
        "failed for {} / {}",
        "370102199001011234",
        "13800000000",
        new IllegalStateException("证件号 370102199001011234"));
    String out = output.getOut();
    // a plain line: level, logger, message; no JSON
    assertThat(out)
        .containsPattern(
            " INFO \\d+ --- .*o\\.d\\.security\\.LogMaskingTest\\s+: 收到申请：申请人身份证号 "
                + "3701\\*{10}1234，联系电话 138\\*{4}0000")
        .doesNotContain("\"ecs\"");
    assertThat(out)
        .contains("failed for 3701**********1234 / 138****0000")
        .contains("java.lang.IllegalStateException: 证件号 3701**********1234");
    assertThat(out).doesNotContain("370102199001011234").doesNotContain("13800000000");
  }

  @Test
  void structuredLogsAreMaskedToo() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    JsonWriter<String> ecs =
        JsonWriter.of(
            members -> {
              members.add("message", (String m) -> m);
              new PersonalDataMaskingCustomizer().customize((JsonWriter.Members) members);
            });
    assertThat(ecs.writeToString("身份证号 370102199001011234，电话 13800000000"))
        .isEqualTo("{\"message\":\"身份证号 3701**********1234，电话 138****0000\"}");
  }
}
