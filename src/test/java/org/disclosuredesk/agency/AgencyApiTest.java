package org.disclosuredesk.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.disclosuredesk.foundation.MultiAgencyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The agency registry over HTTP Basic (API.md "Agencies"). Codes carry a random suffix: with the
 * MySQL profile the database is shared with other test contexts.
 */
@MultiAgencyTest
class AgencyApiTest {

  @Autowired TestRestTemplate http;
  @Autowired Agencies agencies;

  private final String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    TestRestTemplate t = user == null ? http : http.withBasicAuth(user, user);
    return t.exchange(path, method, body == null ? null : new HttpEntity<>(body), JsonNode.class);
  }

  private Map<String, Object> government(String code) {
    Map<String, Object> m = new HashMap<>();
    m.put("code", code);
    m.put("name", "示例市人民政府" + suffix);
    m.put("shortName", "市政府");
    m.put("kind", "GOVERNMENT");
    m.put("address", "示例市人民路1号");
    m.put("phone", "0631-5200001");
    m.put("reconsiderationBody", "示例省人民政府");
    m.put("court", "示例市中级人民法院");
    return m;
  }

  private Map<String, Object> department(String code, String parent) {
    Map<String, Object> m = new HashMap<>();
    m.put("code", code);
    m.put("name", "示例市人力资源和社会保障局" + suffix);
    m.put("kind", "DEPARTMENT");
    m.put("parentCode", parent);
    m.put("address", "示例市人民路8号");
    m.put("phone", "0631-5200008");
    m.put("email", "rsj@example.gov.cn");
    m.put("court", "示例市环翠区人民法院");
    return m;
  }

  private JsonNode listed(String user, String code) {
    for (JsonNode a : call(user, HttpMethod.GET, "/api/agencies", null).getBody()) {
      if (a.get("code").asText().equals(code)) {
        return a;
      }
    }
    return null;
  }

  @Test
  void createChangeAndRetireAnAgency() {
    String gov = "G" + suffix;
    String dep = "D" + suffix;
    ResponseEntity<JsonNode> g = call("admin", HttpMethod.POST, "/api/agencies", government(gov));
    assertThat(g.getStatusCode().value()).as(String.valueOf(g.getBody())).isEqualTo(201);
    assertThat(g.getBody().get("active").asBoolean()).isTrue();
    ResponseEntity<JsonNode> d =
        call("admin", HttpMethod.POST, "/api/agencies", department(dep, gov));
    assertThat(d.getStatusCode().value()).as(String.valueOf(d.getBody())).isEqualTo(201);
    // 行政复议法 Art. 24: a department's reconsideration body is its own government; no short name is
    // its name
    JsonNode listedDep = listed("clerk", dep);
    assertThat(listedDep.get("reconsiderationBody").asText()).isEqualTo("示例市人民政府" + suffix);
    assertThat(listedDep.get("shortName").asText()).isEqualTo("示例市人力资源和社会保障局" + suffix);
    assertThat(listedDep.get("parentCode").asText()).isEqualTo(gov);
    assertThat(listedDep.get("kind").asText()).isEqualTo("DEPARTMENT");

    // the same code again
    assertThat(
            call("admin", HttpMethod.POST, "/api/agencies", department(dep, gov))
                .getStatusCode()
                .value())
        .isEqualTo(409);

    // changed: the code stays, the rest is as sent
    Map<String, Object> changed = department(dep, gov);
    changed.put("name", "示例市人社局（新）" + suffix);
    changed.put("reconsiderationBody", "示例市人民政府（另定）");
    ResponseEntity<JsonNode> put = call("admin", HttpMethod.PUT, "/api/agencies/" + dep, changed);
    assertThat(put.getStatusCode().value()).as(String.valueOf(put.getBody())).isEqualTo(200);
    assertThat(listed("admin", dep).get("name").asText()).isEqualTo("示例市人社局（新）" + suffix);
    assertThat(listed("admin", dep).get("active").asBoolean()).isTrue();
    changed.put("code", "OTHER" + suffix);
    ResponseEntity<JsonNode> renamed =
        call("admin", HttpMethod.PUT, "/api/agencies/" + dep, changed);
    assertThat(renamed.getStatusCode().value()).isEqualTo(400);
    assertThat(renamed.getBody().get("fields").has("code")).isTrue();
    assertThat(
            call(
                    "admin",
                    HttpMethod.PUT,
                    "/api/agencies/NOPE" + suffix,
                    department("NOPE" + suffix, gov))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    // an agency cannot sit below itself or below its own department
    Map<String, Object> loop = government(gov);
    loop.put("parentCode", dep);
    ResponseEntity<JsonNode> cycle = call("admin", HttpMethod.PUT, "/api/agencies/" + gov, loop);
    assertThat(cycle.getStatusCode().value()).isEqualTo(400);
    assertThat(cycle.getBody().get("fields").has("parentCode")).isTrue();

    // retired: kept in the registry, no longer offered to applicants
    assertThat(codes(call(null, HttpMethod.GET, "/public/api/agencies", null).getBody()))
        .contains(gov, dep);
    changed.put("code", dep);
    changed.put("active", false);
    assertThat(
            call("admin", HttpMethod.PUT, "/api/agencies/" + dep, changed).getStatusCode().value())
        .isEqualTo(200);
    assertThat(listed("reviewer", dep).get("active").asBoolean()).isFalse();
    ResponseEntity<JsonNode> pub = call(null, HttpMethod.GET, "/public/api/agencies", null);
    assertThat(pub.getStatusCode().value()).isEqualTo(200);
    assertThat(codes(pub.getBody())).contains(gov).doesNotContain(dep);
    // public facts only
    JsonNode first = pub.getBody().get(0);
    assertThat(first.size()).isEqualTo(4);
    assertThat(first.has("code") && first.has("name") && first.has("address") && first.has("phone"))
        .isTrue();
  }

  private static java.util.List<String> codes(JsonNode list) {
    java.util.List<String> out = new java.util.ArrayList<>();
    list.forEach(a -> out.add(a.get("code").asText()));
    return out;
  }

  @Test
  void everyBadFieldIsNamedInChinese() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("code", "r s");
    bad.put("kind", "MINISTRY");
    bad.put("parentCode", "NONE" + suffix);
    bad.put("email", "not-a-mail");
    ResponseEntity<JsonNode> r = call("admin", HttpMethod.POST, "/api/agencies", bad);
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    JsonNode fields = r.getBody().get("fields");
    assertThat(fields.fieldNames())
        .toIterable()
        .contains("code", "name", "kind", "parentCode", "address", "phone", "email", "court");
    assertThat(fields.get("code").asText()).contains("大写字母");
    assertThat(fields.get("name").asText()).isEqualTo("必填");
    // a code too short or too long, lower case
    for (String code : new String[] {"A", "ABCDEFGHIJKLMNOPQ", "abc"}) {
      ResponseEntity<JsonNode> c =
          call("admin", HttpMethod.POST, "/api/agencies", department(code, null));
      assertThat(c.getStatusCode().value()).as(code).isEqualTo(400);
      assertThat(c.getBody().get("fields").has("code")).as(code).isTrue();
    }
    // no government above it on the platform: the reconsideration body cannot be worked out
    ResponseEntity<JsonNode> orphan =
        call("admin", HttpMethod.POST, "/api/agencies", department("O" + suffix, null));
    assertThat(orphan.getStatusCode().value()).isEqualTo(400);
    assertThat(orphan.getBody().get("fields").has("reconsiderationBody")).isTrue();
    assertThat(listed("admin", "O" + suffix)).isNull();
  }

  @Test
  void membersAreAddedAndRemovedByTheAdmin() {
    String code = "M" + suffix;
    Map<String, Object> body = government(code);
    assertThat(call("admin", HttpMethod.POST, "/api/agencies", body).getStatusCode().value())
        .isEqualTo(201);
    String path = "/api/agencies/" + code + "/members/";
    assertThat(call("admin", HttpMethod.PUT, path + "clerk", null).getStatusCode().value())
        .isEqualTo(204);
    assertThat(call("admin", HttpMethod.PUT, path + "clerk", null).getStatusCode().value())
        .isEqualTo(204);
    assertThat(call("admin", HttpMethod.PUT, path + "reviewer", null).getStatusCode().value())
        .isEqualTo(204);
    assertThat(agencies.members(code)).containsExactly("clerk", "reviewer");
    assertThat(call("admin", HttpMethod.DELETE, path + "clerk", null).getStatusCode().value())
        .isEqualTo(204);
    assertThat(agencies.members(code)).containsExactly("reviewer");
    // unknown agency or user
    assertThat(
            call("admin", HttpMethod.PUT, path + "nobody" + suffix, null).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            call("admin", HttpMethod.DELETE, path + "nobody" + suffix, null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            call("admin", HttpMethod.PUT, "/api/agencies/NONE" + suffix + "/members/clerk", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(agencies.members(code)).containsExactly("reviewer");
  }

  @Test
  void staffReadTheRegistryOnlyTheAdminKeepsIt() {
    String code = "P" + suffix;
    for (String user : new String[] {"clerk", "reviewer", "head", "manager", "supervisor"}) {
      assertThat(call(user, HttpMethod.GET, "/api/agencies", null).getStatusCode().value())
          .as(user)
          .isEqualTo(200);
      assertThat(
              call(user, HttpMethod.POST, "/api/agencies", government(code))
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
      assertThat(
              call(user, HttpMethod.PUT, "/api/agencies/AGENCY", government("AGENCY"))
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
      assertThat(
              call(user, HttpMethod.PUT, "/api/agencies/AGENCY/members/" + user, null)
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
      assertThat(
              call(user, HttpMethod.DELETE, "/api/agencies/AGENCY/members/" + user, null)
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
      assertThat(
              http.withBasicAuth(user, user)
                  .getForEntity("/agencies", String.class)
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(call(null, HttpMethod.GET, "/api/agencies", null).getStatusCode().value())
        .isEqualTo(401);
    assertThat(
            call(null, HttpMethod.POST, "/api/agencies", government(code)).getStatusCode().value())
        .isEqualTo(401);
    assertThat(listed("admin", code)).isNull();
    // the admin's page lists the registry with its members, and links to it in the navigation
    ResponseEntity<String> page =
        http.withBasicAuth("admin", "admin").getForEntity("/agencies", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains("机关名录", "AGENCY", "href=\"/agencies\"", "/desk/assets/agencies.js")
        .doesNotContain("<script>", "style=");
  }
}
