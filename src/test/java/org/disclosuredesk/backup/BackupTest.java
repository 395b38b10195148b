package org.disclosuredesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.foundation.Http;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * {@code POST /api/admin/backup}: admins only; on an H2 file database a zip H2 can open again,
 * holding what was committed; on the tests' in-memory H2 or on MySQL/MariaDB a 409 telling the
 * admin what to do instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackupTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;
  @Autowired BusinessClock clock;
  @TempDir Path dir;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void onlyAdminsMayBackUp() throws Exception {
    assertThat(post(null).statusCode()).isEqualTo(401);
    for (String user : List.of("clerk", "reviewer", "head", "manager")) {
      HttpResponse<String> r = post(user);
      assertThat(r.statusCode()).as(user).isEqualTo(403);
      assertThat(json.readTree(r.body()).path("error").asText()).isEqualTo("FORBIDDEN");
    }
    // nor by another method
    assertThat(http.get("/api/admin/backup", "manager").statusCode()).isEqualTo(403);
  }

  @Test
  void theTestDatabaseIsNotBackedUpOnline() throws Exception {
    // the suite runs on in-memory H2, or on MariaDB/MySQL under -Pmysql: neither has a file to back
    // up here
    HttpResponse<String> r = post("admin");
    assertThat(r.statusCode()).isEqualTo(409);
    JsonNode body = json.readTree(r.body());
    assertThat(body.path("error").asText()).isEqualTo("CONFLICT");
    String product =
        JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
    assertThat(body.path("message").asText())
        .contains("H2".equals(product) ? "内存数据库" : "mariadb-dump");
  }

  @Test
  void anH2FileDatabaseIsBackedUpToAZipItCanBeRestoredFrom() throws Exception {
    JdbcTemplate live = new JdbcTemplate(h2(dir.resolve("live/disclosure-desk")));
    live.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
    live.update("INSERT INTO t VALUES (1, '𠀀测试')");
    DatabaseBackups backups =
        new DatabaseBackups(
            new BackupRepository(live.getDataSource()), clock, dir.resolve("live").toString());

    DatabaseBackups.Backup first = backups.backUp();
    DatabaseBackups.Backup second = backups.backUp();

    Path file = Path.of(first.file());
    assertThat(file).isRegularFile().hasParent(dir.resolve("live/backups").toAbsolutePath());
    assertThat(file.getFileName().toString()).matches("disclosure-desk-\\d{8}-\\d{6}\\.zip");
    assertThat(first.sizeBytes()).isEqualTo(Files.size(file)).isPositive();
    assertThat(first.createdAt().getOffset())
        .isEqualTo(clock.zone().getRules().getOffset(first.createdAt().toInstant()));
    // a second backup in the same second does not overwrite the first
    assertThat(second.file()).isNotEqualTo(first.file());
    assertThat(Path.of(second.file())).isRegularFile();

    List<String> entries = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      zip.stream().map(ZipEntry::getName).forEach(entries::add);
      // restore: unzip into a fresh folder and open it
      Path restored = Files.createDirectories(dir.resolve("restored"));
      try (InputStream in = zip.getInputStream(zip.getEntry("disclosure-desk.mv.db"))) {
        Files.copy(in, restored.resolve("disclosure-desk.mv.db"));
      }
      JdbcTemplate back = new JdbcTemplate(h2(restored.resolve("disclosure-desk")));
      assertThat(back.queryForObject("SELECT name FROM t WHERE id = 1", String.class))
          .isEqualTo("𠀀测试");
      back.execute("SHUTDOWN");
    }
    assertThat(entries).containsExactly("disclosure-desk.mv.db");
    live.execute("SHUTDOWN");
  }

  private HttpResponse<String> post(String user) {
    return http.send(
        Http.auth(http.request("/api/admin/backup"), user, user)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static DataSource h2(Path file) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0");
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }
}
