package org.disclosuredesk.apidocs;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document of {@code /api/**} and {@code /public/api/**} (springdoc; paths chosen in
 * application.yaml), for integrators: {@code /v3/api-docs}, with Swagger UI at {@code
 * /swagger-ui.html}, both for logged-in staff only (SecurityConfig). The operations are described
 * on the controllers, in Chinese, after API.md.
 */
@Configuration
public class ApiDocumentation {

  /** Tag names, used on the controllers; listed here in the order the UI shows them. */
  public static final String INTAKE = "申请登记";

  public static final String LEDGER = "台账";
  public static final String HANDLING = "办理";
  public static final String LETTERS = "文书";
  public static final String APPEALS = "复议与诉讼";
  public static final String STATISTICS = "统计";
  public static final String CALENDAR = "日历";
  public static final String SUBMISSIONS = "网上申请确认";
  public static final String AGENCIES = "机关";
  public static final String PUBLIC = "网上申请（公众）";
  public static final String OPERATIONS = "运维";

  static final String BASIC = "basicAuth";

  static final String DESCRIPTION =
      """
      政府信息公开申请（依申请公开）办理系统的 HTTP 接口：登记申请、办理各步骤、台账、统计、日历，以及面向公众的网上申请。\
      每个办理动作都完成 Camunda Tasklist 中对应的任务，流程模型是唯一的依据。

      **认证**：`/api/**` 使用 HTTP Basic（Camunda 用户名和密码），按角色（组）授权：登记人员 `clerk`、承办人员 `reviewer`、\
      政府信息公开工作机构负责人 `office-head`、管理人员 `manager`、政府信息公开工作主管部门 `supervisor`、\
      系统管理员 `camunda-admin`（可做一切）。\
      未登录或密码错误 → 401；已登录但角色不符 → 403。各接口所需角色见其说明。\
      `/public/api/**` 是网上申请渠道，供公众使用，**无需登录**；查询码放在请求头 `X-Query-Code` 中（不放在网址里），\
      写操作须附 ALTCHA 工作量证明（`altcha`）；超过频率限制 → 429（带 `Retry-After`）。\
      `disclosure.portal.enabled=false` 时网上申请渠道关闭，本文档也不再列出 `/public/api/**`。

      **错误格式**：一律为 JSON `{"error": 代码, "message": "中文说明", "fields": {字段名: 问题}}`。\
      400 输入有误（逐一列出每个有问题的字段）、404 没有这个申请（编号未知或格式不对）、\
      409 该动作不符合申请当前所处的步骤或业务规则（message 说明原因）、413 上传过大、415 请求体类型不对。\
      被拒绝的调用不改变任何数据。

      **日期**：业务日期一律为 ISO `YYYY-MM-DD`（默认 Asia/Shanghai 时区）。事件日期可以是过去的日期（补录），\
      但不能晚于今天，也不能早于申请的收到日期；期限类日期（如 `supplementDueOn`）可以是将来的日期。

      **类型**：JSON 类型严格（需要字符串处不接受数字或布尔值，不接受未知的枚举值）；文本原样保存、输出时转义。\
      长度限制：姓名名称 ≤ 100 字，申请内容 `description` ≤ 10000 字，其他文本 ≤ 2000 字。

      **个人信息**：证件号码和电话对登记人员、承办人员、负责人完整显示，\
      对管理人员和主管部门打码显示（`3701**********1234`、`138****0000`）。
      """;

  @Bean
  OpenAPI disclosureDeskOpenApi() {
    return new OpenAPI()
        .info(new Info().title("依申请公开办理系统 HTTP 接口").version("v1").description(DESCRIPTION))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("Camunda 用户名和密码（HTTP Basic）；仅 /api/** 需要")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .tags(
            List.of(
                tag(INTAKE, "纸质申请补录、网上申请平台对接：登记一件申请，查看申请档案"),
                tag(LEDGER, "台账：按年份、状态、是否逾期和关键词检索全部申请"),
                tag(HANDLING, "办理的各个步骤：审查、补正、征求意见、延期、收费、撤回、答复决定、审核签发"),
                tag(LETTERS, "告知书、答复书等文书（.docx）"),
                tag(APPEALS, "行政复议与行政诉讼"),
                tag(STATISTICS, "年度报告统计（表三、表四，旧版模板）"),
                tag(CALENDAR, "工作日历与期限计算"),
                tag(SUBMISSIONS, "工作人员处理网上申请：列表、附件、确认（即登记）、退回"),
                tag(AGENCIES, "平台上的各行政机关及其工作人员（多机关）"),
                tag(PUBLIC, "公众网上申请、查询进度、上传附件、补正、撤回；无需登录"),
                tag(OPERATIONS, "系统管理员的运维操作")));
  }

  /** Path variables named alike mean the same everywhere; described once here. */
  static final Map<String, String> PATH_VARIABLES =
      Map.of(
          "id", "申请的 id（登记时返回的 `id`，不是跟踪编号）",
          "letterId", "文书的 id",
          "appealId", "复议或诉讼案件的 id（登记时返回的 `appealId`）",
          "number", "网上申请编号（`submissionNumber`）",
          "attachmentId", "附件的 id",
          "year", "年份，如 2025",
          "code", "机关代码，如 RSJ",
          "userId", "用户名（Camunda 用户 id）");

  /**
   * What every operation shares, added after the controllers are read: the public channel needs no
   * login (an empty security requirement), path variables are described, errors have the one shape,
   * Spring's English "OK" is said in Chinese.
   */
  @Bean
  OpenApiCustomizer commonParts() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getComponents()
          .addSchemas(
              "ApiError",
              new ObjectSchema()
                  .description("错误：`error` 代码，`message` 中文说明，`fields` 每个有问题的字段及其问题")
                  .addProperty("error", new StringSchema().example("BAD_REQUEST"))
                  .addProperty("message", new StringSchema().example("输入有误，请检查：arrivedOn"))
                  .addProperty(
                      "fields",
                      new MapSchema()
                          .additionalProperties(new StringSchema())
                          .example(Map.of("arrivedOn", "不能晚于今天"))));
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperations()
                      .forEach(
                          op -> {
                            boolean anonymous = path.startsWith("/public/");
                            if (anonymous) {
                              op.setSecurity(List.of());
                            }
                            if (op.getParameters() != null) {
                              op.getParameters().stream()
                                  .filter(
                                      p -> "path".equals(p.getIn()) && p.getDescription() == null)
                                  .forEach(p -> p.setDescription(PATH_VARIABLES.get(p.getName())));
                            }
                            ApiResponses responses = op.getResponses();
                            responses.forEach(
                                (code, r) -> {
                                  if ("OK".equals(r.getDescription())) {
                                    r.setDescription("成功");
                                  }
                                });
                            if (anonymous) {
                              responses.addApiResponse(
                                  "429", error("请求过于频繁：请按 `Retry-After` 头所说的秒数后再试"));
                            } else {
                              responses.addApiResponse("401", error("未登录或密码错误"));
                              responses.addApiResponse("403", error("当前用户的角色无权执行此操作"));
                            }
                            responses.addApiResponse(
                                "default", error("其他错误：400 输入有误、404 没有这个申请、409 不符合当前步骤或业务规则等"));
                          }));
    };
  }

  private static ApiResponse error(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))));
  }

  /**
   * Names nested types after their enclosing one ("RegistrationForm.Applicant",
   * "PublicApplication.Applicant"): by simple name alone the two applicants were one schema, and
   * the staff form showed the public one's rules.
   */
  @Bean
  ModelConverter nestedTypeNames() {
    return (type, context, chain) -> {
      Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
      if (raw.getEnclosingClass() != null
          && raw.getName().startsWith("org.disclosuredesk.")
          && (type.getName() == null || type.getName().isBlank())) {
        type.name(raw.getEnclosingClass().getSimpleName() + "." + raw.getSimpleName());
      }
      return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    };
  }

  private static Tag tag(String name, String description) {
    return new Tag().name(name).description(description);
  }
}
