package org.disclosuredesk.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency registry of API.md "Agencies": any staff member reads it, the admin keeps it and its
 * members.
 */
@Tag(name = ApiDocumentation.AGENCIES)
@RestController
@RequestMapping("/api/agencies")
class AgencyController {

  private final Agencies agencies;

  AgencyController(Agencies agencies) {
    this.agencies = agencies;
  }

  @Operation(
      summary = "列出机关",
      description =
          """
      **角色**：任何工作人员。

      平台上的全部机关（含已撤销的）：`[{code, name, shortName, kind, parentCode, address, phone, email, \
      reconsiderationBody, court, active}]`；`kind` 为 `GOVERNMENT`（人民政府）、`DEPARTMENT`（工作部门）或 \
      `OTHER`（其他）。""")
  @GetMapping
  List<Agency> list() {
    return agencies.all();
  }

  @Operation(
      summary = "新增机关",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      **请求体**：`code` 机关代码（2 至 16 位大写字母或数字，必填，此后不可更改）；`name` 全称、`kind`、`address`、\
      `phone`、`court`（答复书中告知的管辖法院）必填；`shortName` 简称（缺省为全称）；`parentCode` 上级机关代码；\
      `email`；`reconsiderationBody` 行政复议机关：缺省时按《行政复议法》（2023）第二十四条取上级人民政府\
      （工作部门为本级人民政府，人民政府为上一级人民政府），须在平台上登记为其上级机关。

      **返回**：201 及该机关；代码已被使用 → 409；每个有问题的字段在 400 中列出。""",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      examples =
                          @ExampleObject(
                              name = "工作部门",
                              value =
                                  """
              {"code": "RSJ", "name": "示例市人力资源和社会保障局", "shortName": "市人社局", "kind": "DEPARTMENT",
               "parentCode": "GOV", "address": "示例市人民路8号", "phone": "0631-5200008",
               "court": "示例市环翠区人民法院"}"""))))
  @PostMapping
  ResponseEntity<Agency> create(@RequestBody Agencies.AgencyBody body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(agencies.create(body));
  }

  @Operation(
      summary = "修改机关",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      **请求体**：与新增相同，另有 `active`（false 即撤销该机关：保留其历史和报告，不再受理新申请；缺省不变）。\
      机关代码不可更改（请求体中的 `code` 须与地址中的相同或省略）。未知机关 → 404。""")
  @PutMapping("/{code}")
  Agency update(@PathVariable String code, @RequestBody Agencies.AgencyBody body) {
    return agencies.update(code, body);
  }

  @Operation(
      summary = "加入机关",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      该用户成为该机关的工作人员（已是则不变）；一名用户可属于多个机关，角色仍是其所在的组。\
      返回 204；未知机关或用户 → 404。""")
  @PutMapping("/{code}/members/{userId}")
  ResponseEntity<Void> addMember(@PathVariable String code, @PathVariable String userId) {
    agencies.addMember(code, userId);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "移出机关",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      该用户不再是该机关的工作人员（本不是则不变）。返回 204；未知机关或用户 → 404。""")
  @DeleteMapping("/{code}/members/{userId}")
  ResponseEntity<Void> removeMember(@PathVariable String code, @PathVariable String userId) {
    agencies.removeMember(code, userId);
    return ResponseEntity.noContent().build();
  }
}
