package org.disclosuredesk.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Chinese text, including characters outside the BMP, survives a round trip through our own table.
 * Runs on H2 by default and on MySQL/MariaDB under {@code -Pmysql}, where it also checks that our
 * tables really are utf8mb4.
 */
@SpringBootTest
class SettingsCharsetTest {

  private static final String TEXT = "𠀀𠀁 生僻字 😀 — 依申请公开（𪚥龘）";

  @Autowired JdbcTemplate jdbc;

  @Test
  void nonBmpChineseRoundTripsThroughDdSetting() {
    Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    jdbc.update(
        "DELETE FROM dd_setting WHERE name IN (?, ?, ?)", "agency.motto", "机构名称𠀀", "机构名称𠀁");
    jdbc.update(
        "INSERT INTO dd_setting (name, value_text, updated_at) VALUES (?, ?, ?)",
        "agency.motto",
        TEXT,
        now);
    jdbc.update(
        "INSERT INTO dd_setting (name, value_text, updated_at) VALUES (?, ?, ?)",
        "机构名称𠀀",
        "😀",
        now);
    // two keys that differ only in a character outside the BMP are two keys (not so under
    // utf8mb4_unicode_ci)
    jdbc.update(
        "INSERT INTO dd_setting (name, value_text, updated_at) VALUES (?, ?, ?)",
        "机构名称𠀁",
        "🙂",
        now);
    assertThat(
            jdbc.queryForObject(
                "SELECT value_text FROM dd_setting WHERE name = ?", String.class, "机构名称𠀁"))
        .isEqualTo("🙂");

    assertThat(
            jdbc.queryForObject(
                "SELECT value_text FROM dd_setting WHERE name = ?", String.class, "agency.motto"))
        .isEqualTo(TEXT);
    assertThat(
            jdbc.queryForObject(
                "SELECT value_text FROM dd_setting WHERE name = ?", String.class, "机构名称𠀀"))
        .isEqualTo("😀");
    assertThat(
            jdbc.queryForObject(
                "SELECT updated_at FROM dd_setting WHERE name = ?",
                Timestamp.class,
                "agency.motto"))
        .isEqualTo(now);
    // the 2,000-character limit of free text (API.md), all of it outside the BMP. H2 counts VARCHAR
    // length in UTF-16 units (Java's String.length()), MySQL in code points: a limit checked with
    // String.length() fits both
    String longText = "𠀀".repeat(1000);
    assertThat(longText.length()).isEqualTo(2000);
    jdbc.update("UPDATE dd_setting SET value_text = ? WHERE name = ?", longText, "agency.motto");
    assertThat(
            jdbc.queryForObject(
                "SELECT value_text FROM dd_setting WHERE name = ?", String.class, "agency.motto"))
        .isEqualTo(longText);
  }

  @Test
  void ourTablesAreUtf8mb4OnMysql() {
    if (!isMysql()) {
      return; // H2 stores Java strings as they are
    }
    String schema = jdbc.queryForObject("SELECT DATABASE()", String.class);
    assertThat(
            jdbc.queryForObject(
                "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
                String.class,
                schema))
        .isEqualTo("utf8mb4");
    List<Map<String, Object>> tables =
        jdbc.queryForList(
            "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
            schema);
    assertThat(tables).anyMatch(t -> "dd_setting".equalsIgnoreCase((String) t.get("TABLE_NAME")));
    // ours (dd_*). The engine's ACT_* tables are created by Camunda's own scripts with "DEFAULT
    // CHARSET=utf8 COLLATE utf8_bin" (utf8mb3): personal data and free text belong in our tables,
    // not in process variables. (dd_schema_history is Flyway's own and created before any callback:
    // utf8mb4 by the server default)
    assertThat(
            tables.stream()
                .filter(t -> ((String) t.get("TABLE_NAME")).toLowerCase().startsWith("dd_")))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(
            t ->
                assertThat((String) t.get("TABLE_COLLATION"))
                    .as("%s", t.get("TABLE_NAME"))
                    .startsWith("utf8mb4"));
    assertThat(
            tables.stream()
                .filter(t -> "dd_setting".equalsIgnoreCase((String) t.get("TABLE_NAME"))))
        .allSatisfy(t -> assertThat(t.get("TABLE_COLLATION")).isEqualTo("utf8mb4_unicode_520_ci"));
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND CHARACTER_SET_NAME IS NOT NULL AND LOWER(TABLE_NAME) LIKE 'dd\\_%'",
            schema);
    assertThat(columns)
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(c.get("CHARACTER_SET_NAME"))
                    .as("%s.%s", c.get("TABLE_NAME"), c.get("COLUMN_NAME"))
                    .isEqualTo("utf8mb4"));
    // the connection itself talks utf8mb4, or non-BMP characters would be replaced by '?'
    assertThat(jdbc.queryForObject("SELECT @@character_set_client", String.class))
        .isEqualTo("utf8mb4");
    // the engine insists on READ_COMMITTED
    assertThat(jdbc.execute((java.sql.Connection c) -> c.getTransactionIsolation()))
        .isEqualTo(java.sql.Connection.TRANSACTION_READ_COMMITTED);
  }

  private boolean isMysql() {
    return Boolean.TRUE.equals(
        jdbc.execute(
            (java.sql.Connection c) -> {
              String product = c.getMetaData().getDatabaseProductName().toLowerCase();
              return product.contains("mysql") || product.contains("mariadb");
            }));
  }
}
