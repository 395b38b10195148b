package org.disclosuredesk.agency;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.disclosuredesk.common.BadInputException;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.ForbiddenException;
import org.disclosuredesk.kernel.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which agencies a staff member works in and sees (DOMAIN.md §8). Read from the database on every
 * call, never cached: a membership the admin changes on one node holds on every node at once. A
 * platform of one agency needs no membership at all: everyone is in it, so a plain run behaves as
 * before the registry.
 */
@Component
public class AgencyScope {

  /** What a caller may see: every agency, or these. */
  public record Visible(boolean all, Set<String> codes) {
    public static final Visible ALL = new Visible(true, Set.of());

    public boolean includes(String code) {
      return all || codes.contains(code);
    }

    /** The codes for an SQL {@code IN}, or null when nothing needs filtering. */
    public Collection<String> filter() {
      return all ? null : codes;
    }
  }

  private final AgencyRepository repository;

  AgencyScope(AgencyRepository repository) {
    this.repository = repository;
  }

  /**
   * More than one agency on the platform (retired ones count: their numbers and reports stay
   * theirs).
   */
  public boolean several() {
    return repository.count() > 1;
  }

  /**
   * The supervising office and the admin see every agency; everybody else the agencies they are a
   * member of (on a one-agency platform, that one).
   */
  public Visible visible(Authentication who) {
    if (who == null) {
      return new Visible(false, Set.of());
    }
    if (has(who, Roles.SUPERVISOR) || has(who, Roles.ADMIN)) {
      return Visible.ALL;
    }
    List<Agency> all = repository.all();
    if (all.size() <= 1) {
      return Visible.ALL;
    }
    return new Visible(false, new TreeSet<>(repository.agenciesOf(who.getName())));
  }

  /**
   * The agencies a user is a member of (on a one-agency platform: that one), for Camunda's tenant
   * check.
   */
  public Set<String> memberships(String userId) {
    List<Agency> all = repository.all();
    if (all.size() == 1) {
      return Set.of(all.get(0).code());
    }
    return new TreeSet<>(repository.agenciesOf(userId));
  }

  /**
   * The agency a clerk registers for (API.md {@code POST /api/requests}): the one named, which must
   * be one of theirs (403) and active (409); when none is named, their only agency (or the
   * platform's only one), else 400.
   */
  public String forRegistration(Authentication who, String agencyCode) {
    String code = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
    List<Agency> all = repository.all();
    boolean admin = has(who, Roles.ADMIN);
    Set<String> mine = admin ? codes(all) : memberships(who.getName());
    if (code == null) {
      if (all.size() == 1) {
        code = all.get(0).code();
      } else if (mine.size() == 1) {
        code = mine.iterator().next();
      } else {
        throw new BadInputException(
            "agencyCode",
            mine.isEmpty()
                ? "必填：您不属于任何机关，请联系系统管理员"
                : "必填：您属于多个机关（" + String.join("、", mine) + "），须写明为哪个机关登记");
      }
    }
    String chosen = code;
    Agency agency =
        all.stream()
            .filter(a -> a.code().equals(chosen))
            .findFirst()
            .orElseThrow(() -> new BadInputException("agencyCode", "没有这个机关：" + chosen));
    if (!mine.contains(chosen)) {
      throw new ForbiddenException("您不是" + agency.name() + "的工作人员，不能为其登记申请");
    }
    if (!agency.active()) {
      throw new ConflictException(agency.name() + "已撤销，不再受理新申请");
    }
    return chosen;
  }

  /** The agency of a plain run (the only one), or null when there are several. */
  public String only() {
    List<Agency> all = repository.all();
    return all.size() == 1 ? all.get(0).code() : null;
  }

  private static Set<String> codes(List<Agency> agencies) {
    Set<String> out = new TreeSet<>();
    agencies.forEach(a -> out.add(a.code()));
    return out;
  }

  public static boolean has(Authentication who, String role) {
    return who != null
        && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
  }
}
