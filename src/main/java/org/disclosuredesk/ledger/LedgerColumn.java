package org.disclosuredesk.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the ledger (台账) file, in the order of API.md's import template: what the import
 * reads and the export writes, so that an export imports again unchanged.
 */
public enum LedgerColumn {
  EXTERNAL_REFERENCE("原编号", "必填。原台账中的编号，在本文件和本系统中唯一；再次导入同一编号的行不作改动。导出时为原编号，没有原编号的为本系统的受理编号。"),
  CHANNEL(
      "申请渠道",
      "必填。当面提交、邮寄（需签收）、平常信函、互联网渠道、传真、其他（或代码 IN_PERSON、POST_REGISTERED、POST_ORDINARY、ONLINE、FAX、OTHER）。"),
  ARRIVED_ON("到达日期", "必填。申请到达本机关之日，格式 YYYY-MM-DD。"),
  CONFIRMED_ON("确认日期", "平常信函、互联网渠道、传真：与申请人确认之日，即收到申请之日（第三十一条）；不填则为到达日期。"),
  APPLICANT_TYPE("申请人类型", "必填。自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他（或代码 NATURAL_PERSON 等）。"),
  APPLICANT_NAME("申请人姓名或名称", "必填，不超过 100 个字符。"),
  ID_TYPE("证件类型", "居民身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证、其他证件；不填时 18 位号码按居民身份证。"),
  ID_NUMBER("证件号码", "自然人的证件号码。居民身份证校验位不符的，导入后在申请上提示。"),
  CREDIT_CODE("统一社会信用代码", "法人或其他组织的 18 位代码；自然人不填。"),
  EMAIL("电子邮箱", "可不填。导入不会向申请人发送任何邮件。"),
  PHONE("联系电话", "可不填。"),
  ADDRESS("通信地址", "可不填。"),
  DESCRIPTION("申请内容", "必填，不超过 10000 个字符。"),
  TOPIC("信息类别", "可不填，如 社保信息、征地拆迁；年度报告按此统计申请所涉类别。"),
  SUPPLEMENT_NOTICE_ON("补正告知日期", "发出补正告知之日；填写时须同时填写补正期限。"),
  SUPPLEMENT_DUE_ON("补正期限", "补正期限的最后一日。"),
  SUPPLEMENT_RECEIVED_ON("补正收到日期", "收到补正之日，答复期限自该日重新计算（第三十条）。"),
  EXTENSION_WORKING_DAYS("延期工作日", "经批准延长的工作日数，1 到 20（第三十三条第二款）；填写时须同时填写延期批准日期。"),
  EXTENSION_APPROVED_ON("延期批准日期", "机构负责人批准延期之日，不得晚于当时的答复期限。"),
  OUTCOME(
      "处理结果",
      "已办结的申请必填，与答复日期同时填写：年度报告表三的处理结果名称（如 予以公开、本机关不掌握相关政府信息、重复申请、其他）或代码（如 DISCLOSED）。未办结的申请不填。"),
  ALREADY_PUBLIC("已主动公开", "予以公开的：是 或 否（属于已主动公开范围的填 是）。"),
  THIRD_PARTY_INTEREST("第三方权益", "保护第三方合法权益的：商业秘密、个人隐私、其他。"),
  NOT_HELD_REASON("不掌握原因", "本机关不掌握相关政府信息的：信息不存在 或 由其他机关负责公开（后者在 说明 中写明负责公开的机关）。"),
  REPLIED_ON("答复日期", "已办结的申请必填：答复（办结）之日。逾期不补正的，为补正期限的次日。"),
  NOTE("说明", "处理结果为 其他 的必填（如 申请人撤回）；由其他机关负责公开的，写明该机关。");

  private final String header;
  private final String explanation;

  LedgerColumn(String header, String explanation) {
    this.header = header;
    this.explanation = explanation;
  }

  public String header() {
    return header;
  }

  public String explanation() {
    return explanation;
  }

  public static List<String> headers() {
    return Arrays.stream(values()).map(LedgerColumn::header).toList();
  }
}
