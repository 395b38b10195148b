package org.disclosuredesk.agency;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.FieldErrors;
import org.disclosuredesk.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency registry (DOMAIN.md §8): who the platform's agencies are and which staff belong to
 * each.
 */
@Service
public class Agencies {

  /** What an admin sends to create ({@code active} left out) or change an agency. */
  public record AgencyBody(
      String code,
      String name,
      String shortName,
      String kind,
      String parentCode,
      String address,
      String phone,
      String email,
      String reconsiderationBody,
      String court,
      Boolean active) {}

  static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,16}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final AgencyRepository repository;
  private final IdentityService identity;
  private final BusinessClock clock;
  private final CamundaTenants tenants;

  Agencies(
      AgencyRepository repository,
      IdentityService identity,
      BusinessClock clock,
      CamundaTenants tenants) {
    this.repository = repository;
    this.identity = identity;
    this.clock = clock;
    this.tenants = tenants;
  }

  public List<Agency> all() {
    return repository.all();
  }

  public List<Agency> active() {
    return repository.active();
  }

  public Agency get(String code) {
    return repository.find(code).orElseThrow(() -> new NotFoundException("没有这个机关：" + code));
  }

  List<String> members(String code) {
    return repository.members(code);
  }

  /** Agency code → the user ids that belong to it, for the agencies page. */
  public Map<String, List<String>> membersByAgency() {
    return repository.members().stream()
        .collect(
            Collectors.groupingBy(
                AgencyRepository.Member::agencyCode,
                Collectors.mapping(AgencyRepository.Member::userId, Collectors.toList())));
  }

  @Transactional
  public Agency create(AgencyBody body) {
    FieldErrors errors = new FieldErrors();
    String code = trim(body.code());
    if (code == null) {
      errors.add("code", "必填：2 至 16 位大写字母或数字");
    } else if (!CODE.matcher(code).matches()) {
      errors.add("code", "须为 2 至 16 位大写字母（A-Z）或数字（0-9）：" + code);
    }
    Agency agency = checked(code, body, true, errors);
    errors.throwIfAny();
    if (!repository.insert(agency, now())) {
      throw new ConflictException("机关代码 " + code + " 已被使用");
    }
    tenants.ensure(agency);
    return agency;
  }

  @Transactional
  public Agency update(String code, AgencyBody body) {
    Agency current = get(code);
    FieldErrors errors = new FieldErrors();
    String bodyCode = trim(body.code());
    if (bodyCode != null && !bodyCode.equals(code)) {
      errors.add("code", "机关代码不可更改（应为 " + code + "）");
    }
    Agency agency =
        checked(code, body, body.active() == null ? current.active() : body.active(), errors);
    errors.throwIfAny();
    repository.update(agency, now());
    tenants.ensure(agency);
    return agency;
  }

  @Transactional
  public void addMember(String code, String userId) {
    get(code);
    knownUser(userId);
    repository.addMember(code, userId);
  }

  @Transactional
  public void removeMember(String code, String userId) {
    get(code);
    knownUser(userId);
    repository.removeMember(code, userId);
  }

  private void knownUser(String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw new NotFoundException("没有这个用户：" + userId);
    }
  }

  /** Every field of the body checked (all problems named at once); the agency it describes. */
  private Agency checked(String code, AgencyBody body, boolean active, FieldErrors errors) {
    String name = text(errors, "name", body.name(), 100, true);
    String shortName = text(errors, "shortName", body.shortName(), 100, false);
    AgencyKind kind = null;
    String k = trim(body.kind());
    if (k == null) {
      errors.add("kind", "必填：GOVERNMENT（人民政府）、DEPARTMENT（工作部门）或 OTHER（其他）");
    } else {
      try {
        kind = AgencyKind.valueOf(k);
      } catch (IllegalArgumentException e) {
        errors.add("kind", "须为 GOVERNMENT（人民政府）、DEPARTMENT（工作部门）或 OTHER（其他）：" + k);
      }
    }
    String parentCode = trim(body.parentCode());
    Agency parent = null;
    if (parentCode != null) {
      parent = repository.find(parentCode).orElse(null);
      if (parent == null) {
        errors.add("parentCode", "没有这个机关：" + parentCode);
      } else if (code != null && cycles(code, parent)) {
        errors.add("parentCode", "上级机关不能是本机关或其下级机关");
      }
    }
    String address = text(errors, "address", body.address(), 200, true);
    String phone = text(errors, "phone", body.phone(), 50, true);
    String email = text(errors, "email", body.email(), 200, false);
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.add("email", "电子邮箱格式不正确：" + email);
    }
    String reconsideration =
        text(errors, "reconsiderationBody", body.reconsiderationBody(), 100, false);
    if (reconsideration == null && !errors.has("reconsiderationBody")) {
      // 行政复议法（2023）第二十四条: a department's is its own government, a government's the one above it;
      // both are the parent in the registry when it is a government
      if (parent != null && parent.kind() == AgencyKind.GOVERNMENT && kind != AgencyKind.OTHER) {
        reconsideration = parent.name();
      } else if (kind != null && !errors.has("parentCode")) {
        errors.add("reconsiderationBody", "必填：上级机关不是平台上的人民政府，无法确定行政复议机关");
      }
    }
    String court = text(errors, "court", body.court(), 100, true);
    return new Agency(
        code,
        name,
        shortName == null ? name : shortName,
        kind,
        parentCode,
        address,
        phone,
        email,
        reconsideration,
        court,
        active);
  }

  /**
   * True if {@code parent} is the agency itself or lies below it (its chain of parents reaches
   * {@code code}).
   */
  private boolean cycles(String code, Agency parent) {
    Set<String> seen = new HashSet<>();
    for (Agency a = parent;
        a != null && seen.add(a.code());
        a = a.parentCode() == null ? null : repository.find(a.parentCode()).orElse(null)) {
      if (a.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  private static String text(
      FieldErrors errors, String field, String value, int max, boolean required) {
    String v = trim(value);
    if (v == null) {
      if (required) {
        errors.add(field, "必填");
      }
      return null;
    }
    if (v.codePointCount(0, v.length()) > max) {
      errors.add(field, "不能超过 " + max + " 字");
    }
    return v;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.now(), clock.zone()).withNano(0);
  }
}
