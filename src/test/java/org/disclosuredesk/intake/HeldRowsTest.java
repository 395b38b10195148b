package org.disclosuredesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.disclosuredesk.request.RegistrationForm;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request row this transaction has locked is read from the database once per write
 * (RequestRepository): reads after a write see the write, a change made past the repository to a
 * row not held is seen, and nothing outlives the transaction. Year 2004 is this test's own.
 */
@SpringBootTest(
    properties = "disclosure.test-context=statistics",
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HeldRowsTest {

  @Autowired IntakeService intake;
  @Autowired RequestRepository requests;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired org.disclosuredesk.handling.RequestActions actions;

  @Test
  void aHeldRowIsReadAgainAfterEveryWriteAndOnlyWhileItIsHeld() {
    String id =
        intake
            .register(
                new RegistrationForm(
                    "IN_PERSON",
                    "2004-03-01",
                    null,
                    new RegistrationForm.Applicant(
                        "NATURAL_PERSON", "缓存测试", null, null, null, null, null),
                    null,
                    "申请公开某文件 " + UUID.randomUUID(),
                    null,
                    null,
                    null,
                    null),
                "clerk")
            .request()
            .id();
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s -> {
              RequestRow locked = requests.lock(id);
              assertThat(requests.get(id)).isSameAs(locked); // held: no second read
              requests.update(id, "topic", "社保信息");
              assertThat(requests.get(id).topic()).isEqualTo("社保信息");
              assertThat(requests.lock(id).topic()).isEqualTo("社保信息");
              s.setRollbackOnly();
            });
    assertThat(requests.get(id).topic())
        .isNull(); // rolled back, and the held read died with its transaction
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s -> {
              RequestRow first = requests.get(id); // read, not locked: not held
              jdbc.sql("UPDATE dd_request SET topic = '直接修改' WHERE id = ?").param(id).update();
              assertThat(requests.get(id).topic()).isEqualTo("直接修改");
              assertThat(first.topic()).isNull();
              s.setRollbackOnly();
            });
    // concluded, or it would be carried over into the years the statistics tests count
    actions.withdrawal(id, java.util.Map.of("withdrawnOn", "2004-03-02"), "clerk");
  }
}
