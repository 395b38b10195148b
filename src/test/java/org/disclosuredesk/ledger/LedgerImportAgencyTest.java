package org.disclosuredesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.ledger.LedgerColumn.APPLICANT_NAME;
import static org.disclosuredesk.ledger.LedgerColumn.APPLICANT_TYPE;
import static org.disclosuredesk.ledger.LedgerColumn.ARRIVED_ON;
import static org.disclosuredesk.ledger.LedgerColumn.CHANNEL;
import static org.disclosuredesk.ledger.LedgerColumn.DESCRIPTION;
import static org.disclosuredesk.ledger.LedgerColumn.EXTERNAL_REFERENCE;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.disclosuredesk.intake.IntakeService;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ledger imported for one agency never counts another agency's request as "already imported": a
 * row whose 原编号 is another agency's tracking number is refused, and that request is left as it was
 * (DOMAIN.md §8).
 */
@MultiAgencyTest
class LedgerImportAgencyTest {

  @Autowired LedgerImport ledgerImport;
  @Autowired IntakeService intake;
  @Autowired Agencies agencies;
  @Autowired BusinessClock clock;

  @Test
  void anotherAgencysNumberIsNotThisAgencysImport() {
    String s = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));
    for (String code : List.of("LA" + s, "LB" + s)) {
      agencies.create(
          new Agencies.AgencyBody(
              code,
              "示例市台账局" + code.charAt(1) + s,
              null,
              "DEPARTMENT",
              null,
              "示例市人民路1号",
              "0631-5200001",
              null,
              "示例市人民政府",
              "示例市示例区人民法院",
              null));
    }
    RequestRow a =
        intake
            .register(
                new RegistrationForm(
                    "IN_PERSON",
                    clock.today().toString(),
                    null,
                    new RegistrationForm.Applicant(
                        "NATURAL_PERSON", "甲台账", null, null, null, null, null),
                    null,
                    "申请公开相关信息",
                    null,
                    null,
                    null,
                    null,
                    "LA" + s),
                "clerk")
            .request();
    byte[] file =
        LedgerFile.xlsx(
            List.of(
                LedgerImportTest.row(
                    EXTERNAL_REFERENCE,
                    a.trackingNumber(),
                    CHANNEL,
                    "当面提交",
                    ARRIVED_ON,
                    clock.today().toString(),
                    APPLICANT_TYPE,
                    "自然人",
                    APPLICANT_NAME,
                    "乙台账",
                    DESCRIPTION,
                    "申请公开相关信息")));

    LedgerImport.Result other = ledgerImport.run("ledger.xlsx", file, false, "clerk", "LB" + s);
    assertThat(other.imported()).isZero();
    assertThat(other.unchanged()).isZero();
    assertThat(other.errors())
        .extracting(LedgerImport.Problem::message)
        .containsExactly("该原编号已被平台上的其他机关使用，请换用本机关的原编号");
    // the own agency's import of the same row: already there, unchanged
    LedgerImport.Result own = ledgerImport.run("ledger.xlsx", file, false, "clerk", "LA" + s);
    assertThat(own.errors()).isEmpty();
    assertThat(own.unchanged()).isEqualTo(1);
  }
}
