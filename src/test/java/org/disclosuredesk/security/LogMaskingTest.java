package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The app's real console log (ECS JSON with our customizer) never carries an ID number or phone in full. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

  private static final Logger log = LoggerFactory.getLogger(LogMaskingTest.class);

  @Test
  void structuredConsoleLogIsMasked(CapturedOutput output) {
    log.info("收到申请：申请人身份证号 370102199001011234，联系电话 13800000000");
    log.warn("failed for {} / {}", "370102199001011234", "13800000000",
        new IllegalStateException("证件号 370102199001011234"));
    String out = output.getOut();
    assertThat(out).contains("\"ecs\"").contains("3701**********1234").contains("138****0000");
    assertThat(out).doesNotContain("370102199001011234").doesNotContain("13800000000");
  }
}
