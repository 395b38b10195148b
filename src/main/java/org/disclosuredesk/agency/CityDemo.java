package org.disclosuredesk.agency;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.kernel.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The city demo (profile {@code city}, DOMAIN.md §8): a small city on one platform — the 人民政府,
 * three of its departments (the default agency of {@code disclosure.agency.*} is the 人社局) and a
 * 街道办事处 — with four demo users per agency ({@code rsj-clerk}, {@code rsj-reviewer}, {@code
 * rsj-head}, {@code rsj-manager} …; password = name) and {@code supervisor} in the government's
 * office. Made only when the registry holds nothing but the default agency and demo users are on; a
 * registry someone built is left alone. Idempotent (a restart, or cluster nodes starting together,
 * change nothing); after AgencySetup, before the web server answers.
 */
@Component
@Profile("city")
class CityDemo extends SetUpStep {

  private static final Logger log = LoggerFactory.getLogger(CityDemo.class);

  static final String GOVERNMENT = "GOV";
  private static final String CITY = "示例市人民政府";

  /**
   * One agency of the city; {@code reconsiderationBody} null: the default of 行政复议法 (2023) Art. 24.
   */
  record Member(
      String code,
      String name,
      String shortName,
      AgencyKind kind,
      String parentCode,
      String address,
      String phone,
      String reconsiderationBody,
      String court) {}

  /**
   * The demo roles of every agency: user suffix, Camunda group, the role as the user's first name.
   */
  record Role(String suffix, String group, String label) {}

  static final List<Role> ROLES =
      List.of(
          new Role("clerk", Roles.CLERK, "登记员"),
          new Role("reviewer", Roles.REVIEWER, "承办人"),
          new Role("head", Roles.OFFICE_HEAD, "负责人"),
          new Role("manager", Roles.MANAGER, "管理员"));

  private final Agencies agencies;
  private final AgencyRepository repository;
  private final IdentityService identity;
  private final AgencyProperties properties;
  private final String defaultCode;
  private final boolean demoUsers;

  CityDemo(
      Agencies agencies,
      AgencyRepository repository,
      IdentityService identity,
      AgencyProperties properties,
      @Value("${disclosure.agency.code:AGENCY}") String defaultCode,
      @Value("${disclosure.demo-users:false}") boolean demoUsers) {
    this.agencies = agencies;
    this.repository = repository;
    this.identity = identity;
    this.properties = properties;
    this.defaultCode = defaultCode;
    this.demoUsers = demoUsers;
  }

  /** The city, government first (the others name it as parent). */
  List<Member> city() {
    String court = Objects.requireNonNullElse(properties.court(), "示例市示例区人民法院");
    return List.of(
        // a city government's reconsideration body is the province's (Art. 24(1)(二)); sued at the
        // intermediate court (行政诉讼法 Art. 15(1))
        new Member(
            GOVERNMENT,
            CITY,
            "市政府",
            AgencyKind.GOVERNMENT,
            null,
            "示例市人民路1号",
            "0000-12345001",
            "示例省人民政府",
            "示例市中级人民法院"),
        new Member(
            defaultCode,
            Objects.requireNonNullElse(properties.name(), "示例市人力资源和社会保障局"),
            "人社局",
            AgencyKind.DEPARTMENT,
            GOVERNMENT,
            Objects.requireNonNullElse(properties.address(), "示例市示例路1号"),
            Objects.requireNonNullElse(properties.phone(), "0000-00000000"),
            null,
            court),
        new Member(
            "ZRJ",
            "示例市自然资源和规划局",
            "自然资源和规划局",
            AgencyKind.DEPARTMENT,
            GOVERNMENT,
            "示例市建设路18号",
            "0000-12345018",
            null,
            court),
        new Member(
            "JYJ",
            "示例市教育局",
            "教育局",
            AgencyKind.DEPARTMENT,
            GOVERNMENT,
            "示例市文化路6号",
            "0000-12345006",
            null,
            court),
        // a 街道办事处 is the government's 派出机关 (OTHER): its reconsideration body is the government that
        // set it up (Art. 24(1)(三)), named, as the registry asks of every OTHER
        new Member(
            "CGJD",
            "示例市城关街道办事处",
            "城关街道",
            AgencyKind.OTHER,
            GOVERNMENT,
            "示例市城关路3号",
            "0000-12345033",
            CITY,
            court));
  }

  @Override
  void setUp() {
    if (!demoUsers) {
      log.warn("profile city: demo users are off (disclosure.demo-users=false), no city demo made");
      return;
    }
    List<Agency> present = agencies.all();
    java.util.Set<String> ours =
        new java.util.HashSet<>(city().stream().map(Member::code).toList());
    // the default agency alone, or a city this class made (also one a crash left half made)
    if (present.stream().noneMatch(a -> a.code().equals(defaultCode))
        || !present.stream().allMatch(a -> ours.contains(a.code()))) {
      log.info(
          "profile city: the registry holds other agencies than {} alone, no city demo made",
          defaultCode);
      return;
    }
    boolean fresh = present.stream().noneMatch(a -> a.code().equals(GOVERNMENT));
    for (Member m : city()) {
      create(m);
    }
    boolean supervisor = identity.createUserQuery().userId("supervisor").count() > 0;
    if (supervisor) {
      agencies.addMember(GOVERNMENT, "supervisor");
    }
    if (fresh) {
      // the supervising office is the government's office (Art. 3), not the 人社局's member
      // AgencySetup made it
      if (supervisor) {
        agencies.removeMember(defaultCode, "supervisor");
      }
      log.warn(
          "profile city: demo city of {} agencies made ({}): not for production",
          ours.size(),
          String.join(", ", city().stream().map(Member::code).toList()));
    }
    for (Member m : city()) {
      for (Role r : ROLES) {
        user(m, r);
      }
    }
  }

  /**
   * Creates the agency, or (the default one) puts it below the government; another node's creation
   * is fine.
   */
  private void create(Member m) {
    Agencies.AgencyBody body =
        new Agencies.AgencyBody(
            m.code(),
            m.name(),
            m.shortName(),
            m.kind().name(),
            m.parentCode(),
            m.address(),
            m.phone(),
            null,
            m.reconsiderationBody(),
            m.court(),
            true);
    if (repository.find(m.code()).isPresent()) {
      Agency a = agencies.get(m.code());
      if (a.parentCode() == null && m.parentCode() != null) {
        agencies.update(m.code(), body);
      }
      return;
    }
    try {
      agencies.create(body);
    } catch (ConflictException e) {
      log.info("agency {} was created by another node", m.code());
    }
  }

  /**
   * {@code <code>-<role>}, password = name (PasswordPolicySetup exempts the demo accounts), member
   * of its agency.
   */
  private void user(Member m, Role r) {
    String id = m.code().toLowerCase(Locale.ROOT) + "-" + r.suffix();
    if (identity.createUserQuery().userId(id).count() == 0) {
      try {
        User u = identity.newUser(id);
        u.setFirstName(r.label());
        u.setLastName(m.shortName());
        u.setPassword(id);
        u.setEmail(id + "@disclosure.example.gov.cn");
        identity.saveUser(u);
      } catch (RuntimeException e) {
        if (identity.createUserQuery().userId(id).count() == 0) {
          throw e;
        }
        log.info("user {} was created by another node", id);
      }
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(r.group()).count() == 0) {
      try {
        identity.createMembership(id, r.group());
      } catch (RuntimeException e) {
        log.info("membership of {} in {} was created by another node", id, r.group());
      }
    }
    agencies.addMember(m.code(), id);
  }

  /**
   * After AgencySetup (phase 0), before the web server's lifecycle (Integer.MAX_VALUE - 1) takes
   * requests.
   */
  @Override
  public int getPhase() {
    return 1;
  }
}
