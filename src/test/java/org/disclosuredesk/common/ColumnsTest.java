package org.disclosuredesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The one row writer: names are spliced into SQL, so only plain identifiers pass; values are always
 * parameters.
 */
class ColumnsTest {

  @Test
  void buildsTheInsertAndTheSetClauseInTheOrderSet() {
    Columns c = Columns.of("id", "r1").set("status", "HANDLING").set("due_on", null);
    assertThat(c.insertInto("dd_request"))
        .isEqualTo("INSERT INTO dd_request (id, status, due_on) VALUES (:id, :status, :due_on)");
    assertThat(c.assignments()).isEqualTo("id = :id, status = :status, due_on = :due_on");
    assertThat(c.parameters()).containsEntry("status", "HANDLING").containsEntry("due_on", null);
    assertThat(c.names()).containsExactly("id", "status", "due_on");
  }

  @Test
  void aSecondValueReplacesTheFirstInItsPlace() {
    Columns c = Columns.of("a", 1).set("b", 2).setAll(Columns.of("a", 3));
    assertThat(c.assignments()).isEqualTo("a = :a, b = :b");
    assertThat(c.get("a")).isEqualTo(3);
  }

  @Test
  void refusesAnythingButAPlainColumnName() {
    for (String bad :
        new String[] {
          null, "", "Status", "status; DROP TABLE dd_request", "a b", "a-b", "1a", "a=:a", "`a`"
        }) {
      assertThatThrownBy(() -> new Columns().set(bad, "x"))
          .as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
