package org.disclosuredesk.desk;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyKind;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.AgencyProperties;
import org.disclosuredesk.kernel.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * What every staff page's layout shows: the product and agency, the user, navigation by role, the
 * CSRF token.
 */
@Component
public class DeskLayout {

  public static final String PRODUCT = "依申请公开办理系统";
  public static final String TASKLIST = "/camunda/app/tasklist/default/";
  public static final String COCKPIT = "/camunda/app/cockpit/default/";
  public static final String ADMIN = "/camunda/app/admin/default/";

  /** The layout's model; {@code csrf} is null where no form posts (it would open a session). */
  public record Page(
      String title,
      String product,
      String agency,
      String user,
      String userId,
      List<Link> nav,
      Csrf csrf) {}

  public record Link(String label, String href, boolean current, boolean external) {}

  public record Csrf(String parameterName, String headerName, String token) {}

  private final AgencyProperties agency;
  private final IdentityService identity;
  private final Agencies agencies;
  private final AgencyScope scope;

  DeskLayout(
      AgencyProperties agency, IdentityService identity, Agencies agencies, AgencyScope scope) {
    this.agency = agency;
    this.identity = identity;
    this.agencies = agencies;
    this.scope = scope;
  }

  public String agencyName() {
    return agency.name();
  }

  public Page page(String title, String current, Authentication auth, HttpServletRequest request) {
    Set<String> roles = roles(auth);
    return new Page(
        title,
        PRODUCT,
        agencyOf(auth, roles),
        displayName(auth.getName()),
        auth.getName(),
        navigation(roles, current),
        csrf(request));
  }

  /**
   * Whose desk this is, for the header and footer: on a one-agency platform the agency as before;
   * with several, the user's own agencies; for the supervising office the government whose office
   * it is (it sees every agency), and for an admin in no agency the platform's government.
   */
  private String agencyOf(Authentication auth, Set<String> roles) {
    List<Agency> all = agencies.all();
    if (all.size() <= 1) {
      return agency.name();
    }
    if (roles.contains(Roles.SUPERVISOR)) {
      return government(all) + " · 政府信息公开工作主管部门";
    }
    Set<String> mine = scope.memberships(auth.getName());
    String names =
        all.stream()
            .filter(a -> mine.contains(a.code()))
            .map(Agency::name)
            .collect(Collectors.joining("、"));
    return !names.isEmpty() ? names : roles.contains(Roles.ADMIN) ? government(all) : "尚未加入任何机关";
  }

  /**
   * The platform's people's government: the one GOVERNMENT without a parent on the platform, if
   * there is one.
   */
  private static String government(List<Agency> all) {
    Set<String> codes = all.stream().map(Agency::code).collect(Collectors.toSet());
    List<Agency> top =
        all.stream()
            .filter(
                a ->
                    a.kind() == AgencyKind.GOVERNMENT
                        && (a.parentCode() == null || !codes.contains(a.parentCode())))
            .toList();
    return top.size() == 1 ? top.get(0).name() : "本平台各机关";
  }

  /** A page before sign-in (the login page): no user, no navigation. */
  public Page anonymous(String title, HttpServletRequest request) {
    return new Page(title, PRODUCT, agency.name(), null, null, List.of(), csrf(request));
  }

  public static Set<String> roles(Authentication auth) {
    return auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5))
        .collect(Collectors.toSet());
  }

  /**
   * The pages each role may open, in the order of a working day; a link a role cannot use is not
   * shown.
   */
  static List<Link> navigation(Set<String> roles, String current) {
    boolean admin = roles.contains(Roles.ADMIN);
    List<Link> nav = new ArrayList<>();
    add(nav, current, "工作台", "/", true);
    add(
        nav,
        current,
        "待办任务",
        TASKLIST,
        admin
            || roles.stream()
                .anyMatch(
                    List.of(Roles.CLERK, Roles.REVIEWER, Roles.OFFICE_HEAD, Roles.MANAGER)
                        ::contains));
    boolean staff = admin || roles.stream().anyMatch(Roles.STAFF::contains);
    add(nav, current, "网上申请", "/submissions", admin || roles.contains(Roles.CLERK));
    add(nav, current, "台账", "/ledger", staff);
    add(
        nav,
        current,
        "统计与年报",
        "/reports",
        admin || roles.contains(Roles.MANAGER) || roles.contains(Roles.SUPERVISOR));
    add(nav, current, "流程监控", COCKPIT, admin || roles.contains(Roles.MANAGER));
    add(nav, current, "工作日历", "/calendar", admin);
    add(nav, current, "机关", "/agencies", admin);
    add(nav, current, "用户与权限", ADMIN, admin);
    add(nav, current, "操作手册", "/guide", staff);
    return List.copyOf(nav);
  }

  private static void add(
      List<Link> nav, String current, String label, String href, boolean allowed) {
    if (allowed) {
      nav.add(new Link(label, href, href.equals(current), href.startsWith("/camunda/")));
    }
  }

  private String displayName(String userId) {
    User u = identity.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    // Camunda keeps "first last"; ours are the role then a family name (承办人 李)
    String name =
        ((u.getLastName() == null ? "" : u.getLastName())
                + (u.getFirstName() == null ? "" : u.getFirstName()))
            .trim();
    return name.isEmpty() ? userId : name + "（" + userId + "）";
  }

  private static Csrf csrf(HttpServletRequest request) {
    Object t = request.getAttribute(CsrfToken.class.getName());
    return t instanceof CsrfToken token
        ? new Csrf(token.getParameterName(), token.getHeaderName(), token.getToken())
        : null;
  }
}
