package org.disclosuredesk.statistics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyScope;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.ForbiddenException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.kernel.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which agencies' figures a caller asked for and may read (DOMAIN.md §8, API.md "Agencies"): a
 * manager reads their own agency's tables, the supervising office (and the admin) any agency's and
 * their sum. Another agency's table answers 404, as if it did not exist; the registry itself is
 * public, so an unknown code is plain bad input (400). Read from the registry on every call: an
 * agency or membership added on one node holds on every node at once.
 */
@Component
public class ReportScopes {

  private final Agencies agencies;
  private final AgencyScope agencyScope;

  public ReportScopes(Agencies agencies, AgencyScope scope) {
    this.agencies = agencies;
    this.agencyScope = scope;
  }

  /**
   * One agency's tables ({@code agency=}): the one named, which the caller must see (else 404);
   * none named, the caller's only agency or the platform's only one, else 400 naming {@code
   * agency}.
   */
  public ReportScope agency(Authentication who, String agency) {
    List<Agency> all = agencies.all();
    String code = blankToNull(agency);
    if (code != null) {
      Agency a = find(all, code);
      if (a == null) {
        throw new BadInputException("agency", "没有这个机关：" + code);
      }
      if (!agencyScope.visible(who).includes(code)) {
        throw new NotFoundException("没有这个机关的统计");
      }
      return new ReportScope(List.of(a), false, all.size() == 1);
    }
    if (all.size() == 1) {
      return new ReportScope(all, false, true);
    }
    if (agencyScope.visible(who).all()) {
      throw new BadInputException("agency", "必填：平台上有多个机关，须写明统计哪个机关（各机关之和见汇总表 consolidated）");
    }
    List<Agency> mine = own(who, all);
    if (mine.size() == 1) {
      return new ReportScope(mine, false, false);
    }
    if (mine.isEmpty()) {
      throw new ForbiddenException("您不属于任何机关，没有可查看的统计");
    }
    throw new BadInputException(
        "agency", "必填：您属于多个机关（" + String.join("、", codes(mine)) + "），须写明统计哪个机关");
  }

  /**
   * The consolidated table ({@code /consolidated?agencies=A,B}): the supervising office and the
   * admin only (403); the agencies named, or all of the registry when none is; an unknown code is
   * 400 naming {@code agencies}.
   */
  public ReportScope consolidated(Authentication who, String codes) {
    requireSupervisor(who, "汇总表只供政府信息公开工作主管部门查看");
    List<Agency> all = agencies.all();
    List<Agency> chosen = blankToNull(codes) == null ? all : named(all, codes);
    return new ReportScope(chosen, true, all.size() == 1);
  }

  /**
   * The lists behind the numbers: of one agency ({@code agency=}, as {@link #agency}) or of every
   * agency a consolidated cell counted ({@code agencies=}, each of which the caller must see, else
   * 404).
   */
  public ReportScope lists(Authentication who, String agency, String codes) {
    if (codes == null) {
      return agency(who, agency);
    }
    if (agency != null) {
      throw new BadInputException("agencies", "不能与 agency 同时使用");
    }
    List<Agency> all = agencies.all();
    List<Agency> chosen = blankToNull(codes) == null ? all : named(all, codes);
    AgencyScope.Visible visible = agencyScope.visible(who);
    if (chosen.stream().anyMatch(a -> !visible.includes(a.code()))) {
      throw new NotFoundException("没有这个机关的统计");
    }
    return new ReportScope(chosen, true, all.size() == 1);
  }

  /**
   * For the pages: as {@link #agency}, except that a manager of several agencies gets the first of
   * them (and picks another on the page), and the supervising office without a choice gets the sum
   * of all (null: their overview).
   */
  public ReportScope page(Authentication who, String agency, String codes) {
    if (codes != null || agency != null) {
      return lists(who, agency, codes);
    }
    List<Agency> all = agencies.all();
    if (all.size() == 1) {
      return new ReportScope(all, false, true);
    }
    if (supervisor(who)) {
      return new ReportScope(all, true, false);
    }
    List<Agency> mine = own(who, all);
    if (mine.isEmpty()) {
      throw new ForbiddenException("您不属于任何机关，没有可查看的统计");
    }
    return new ReportScope(mine.subList(0, 1), false, false);
  }

  /**
   * The agencies a page's chooser offers the caller: every one for the supervising office, else
   * their own.
   */
  public List<Agency> choices(Authentication who) {
    List<Agency> all = agencies.all();
    return supervisor(who) ? all : own(who, all);
  }

  /**
   * The overview of every agency's year and the consolidated table: the supervising office and the
   * admin (403).
   */
  public void requireSupervisor(Authentication who, String message) {
    if (!supervisor(who)) {
      throw new ForbiddenException(message);
    }
  }

  /**
   * What changes an agency's statistics (a freeze, table 二) is its own managers' (or the admin's):
   * the supervising office reads every agency's and changes none (DOMAIN.md §8), which
   * SecurityConfig already holds to GET; this also covers a user who is both.
   */
  public void requireOwn(Authentication who, ReportScope scope, String message) {
    if (AgencyScope.has(who, Roles.ADMIN)) {
      return;
    }
    if (scope.consolidated() || !member(who, scope.agency().code())) {
      throw new ForbiddenException(message);
    }
  }

  /** Whether the caller is a member of this agency (on a one-agency platform everyone is). */
  public boolean member(Authentication who, String agency) {
    return agencyScope.memberships(who.getName()).contains(agency);
  }

  public static boolean supervisor(Authentication who) {
    return AgencyScope.has(who, Roles.SUPERVISOR) || AgencyScope.has(who, Roles.ADMIN);
  }

  /**
   * The whole platform, for callers without a user (the home page's totals on a one-agency
   * platform, tests).
   */
  public ReportScope platform() {
    List<Agency> all = agencies.all();
    return new ReportScope(all, all.size() > 1, all.size() == 1);
  }

  public List<Agency> all() {
    return agencies.all();
  }

  private List<Agency> own(Authentication who, List<Agency> all) {
    AgencyScope.Visible visible = agencyScope.visible(who);
    return all.stream().filter(a -> visible.includes(a.code())).toList();
  }

  /**
   * The agencies of "A,B,…" in registry order, each once; every unknown code named at once (400).
   */
  private static List<Agency> named(List<Agency> all, String codes) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String c : codes.split(",")) {
      if (!c.isBlank()) {
        wanted.add(c.strip());
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String c : wanted) {
      if (find(all, c) == null) {
        unknown.add(c);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadInputException("agencies", "没有这些机关：" + String.join("、", unknown));
    }
    if (wanted.isEmpty()) {
      throw new BadInputException("agencies", "请写明机关代码，以英文逗号分隔，如 RSJ,ZRJ；不写则汇总全部机关");
    }
    return all.stream().filter(a -> wanted.contains(a.code())).toList();
  }

  private static Agency find(List<Agency> all, String code) {
    return all.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
  }

  private static List<String> codes(List<Agency> agencies) {
    return agencies.stream().map(Agency::code).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
