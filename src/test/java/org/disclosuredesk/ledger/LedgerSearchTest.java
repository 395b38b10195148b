package org.disclosuredesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.disclosuredesk.foundation.Http;
import org.disclosuredesk.request.RequestRepository;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's search box over real HTTP: every word must match a number, a name, an ID number or
 * the description.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerSearchTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RequestRepository requests;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager txm;
  Http http;

  /** Unique to this run, so that other tests' requests in the shared database never match. */
  String place;

  String name;

  @BeforeEach
  void client() {
    http = new Http(port);
    // in Chinese: the names also appear in other tests' screens, which must show no Latin letters
    String u = UUID.randomUUID().toString().replace("-", "");
    StringBuilder han = new StringBuilder();
    for (char c : u.toCharArray()) {
      han.append("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳".charAt(Character.digit(c, 16)));
    }
    place = "测" + han.substring(0, 6) + "区";
    name = "检" + han.substring(6, 10);
  }

  String register(String applicant, String idNumber, String description) throws Exception {
    String body =
        """
        {"channel":"IN_PERSON","arrivedOn":"2025-09-26",
         "applicant":{"type":"NATURAL_PERSON","name":"%s","idNumber":"%s","phone":"13800000000"},
         "description":"%s"}"""
            .formatted(applicant, idNumber, description);
    var r = http.postJson("/api/requests", body, "clerk");
    assertThat(r.statusCode()).isEqualTo(201);
    return json.readTree(r.body()).get("id").asText();
  }

  List<String> found(String q) throws Exception {
    var r =
        http.get(
            "/api/requests?size=1000&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
            "reviewer");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = json.readTree(r.body());
    assertThat(page.get("total").asInt()).isEqualTo(page.get("items").size());
    return page.get("items").findValuesAsText("id");
  }

  @Test
  void everyWordMustMatchTheDescriptionANameANumberOrAnIdNumber() throws Exception {
    String a = register(name + "甲", "11010519491231002X", "请公开" + place + "征收补偿的相关文件");
    String b = register(name + "乙", "110105194912310021", "请公开" + place + "规划许可的批复");
    String c = register("王五", "370102199001011234", "关于" + place + "补偿征收的说明");
    String trackingB =
        json.readTree(http.get("/api/requests/" + b, "reviewer").body())
            .get("trackingNumber")
            .asText();

    assertThat(found(place)).containsExactlyInAnyOrder(a, b, c);
    assertThat(found(place + " 征收补偿"))
        .containsExactly(a); // two words of the description, in any order
    assertThat(found("征收补偿 " + place)).containsExactly(a);
    assertThat(found(place + " 收补"))
        .containsExactly(a); // the pairs of 收补 are in c as well, but apart
    assertThat(found(name)).containsExactlyInAnyOrder(a, b); // a name from its start
    assertThat(found(name + "乙")).containsExactly(b);
    assertThat(found("11010519491231002x"))
        .containsExactly(a); // a whole ID number, its X in either case
    assertThat(found(trackingB)).containsExactly(b);
    assertThat(found(name + " 规划许可")).containsExactly(b); // a name and a word of the description
    assertThat(found(place + " 没有这个词")).isEmpty();
    assertThat(found(place + " 征"))
        .isEmpty(); // one character: no pair, only numbers and names from the start
    assertThat(found(place + " " + name.substring(0, 1))).containsExactlyInAnyOrder(a, b);
    assertThat(found("请公开" + place)).containsExactlyInAnyOrder(a, b);
    // more pairs than are joined: the words themselves still decide
    assertThat(found("请公开" + place + "征收补偿的相关文件")).containsExactly(a);
    assertThat(found("请公开" + place + "征收补偿的相关文件 " + place + "规划")).isEmpty();
  }

  @Test
  void wildcardsAreText() throws Exception {
    String a = register(name, "110105194912310021", "请公开" + place + "100%_!的文件和ABC");
    assertThat(found(place + " 100%_!")).containsExactly(a);
    assertThat(found(place + " 100%x")).isEmpty();
    assertThat(found(place + " abc")).containsExactly(a); // Latin letters in either case
    assertThat(found("%")).doesNotContain(a);
  }

  @Test
  void tooManyWordsAreRefusedNamingTheField() throws Exception {
    var r =
        http.get(
            "/api/requests?q=" + URLEncoder.encode("一 二 三 四 五 六", StandardCharsets.UTF_8),
            "reviewer");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).get("fields").get("q").asText()).contains("最多 5 个检索词");
  }

  @Test
  void aRewrittenDescriptionIsFoundByItsNewWordsOnly() throws Exception {
    String a = register(name, "110105194912310021", "请公开" + place + "征收补偿的相关文件");
    requests.update(a, "description", "请公开" + place + "河道治理的相关文件");
    assertThat(found(place + " 河道治理")).containsExactly(a);
    assertThat(found(place + " 征收补偿")).isEmpty();
  }

  @Test
  void theMigrationIndexesTheRequestsRegisteredBeforeIt() throws Exception {
    String a = register(name, "110105194912310021", "请公开" + place + "垃圾分类的相关文件");
    Long pairs = jdbc.sql("SELECT COUNT(*) FROM dd_request_gram").query(Long.class).single();
    new TransactionTemplate(txm)
        .executeWithoutResult(
            tx -> {
              jdbc.sql("DELETE FROM dd_request_gram").update();
              Connection c = DataSourceUtils.getConnection(dataSource);
              try {
                new SearchIndexMigration()
                    .migrate(
                        new Context() {
                          public Configuration getConfiguration() {
                            return null;
                          }

                          public Connection getConnection() {
                            return c;
                          }
                        });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              assertThat(
                      jdbc.sql("SELECT COUNT(*) FROM dd_request_gram").query(Long.class).single())
                  .isEqualTo(pairs);
              assertThat(
                      jdbc.sql("SELECT COUNT(*) FROM dd_request_gram WHERE request_id = ?")
                          .param(a)
                          .query(Long.class)
                          .single())
                  .isEqualTo(SearchGrams.of("请公开" + place + "垃圾分类的相关文件").size());
              tx.setRollbackOnly();
            });
  }
}
