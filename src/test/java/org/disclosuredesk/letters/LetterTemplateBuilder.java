package org.disclosuredesk.letters;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes the built-in Word templates (src/main/resources/letters/*.docx) in the house style of
 * official letters (GB/T 9704: A4, title 宋体 二号 centred, body 仿宋 三号 with a two-character indent,
 * agency and date bottom right). Run once after changing a text, with the target folder as
 * argument: {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.disclosuredesk.letters.LetterTemplateBuilder src/main/resources/letters}. Placeholders are
 * poi-tl tags: {@code {{name}}}, and {@code {{?flag}}…{{/flag}}} for paragraphs shown only when the
 * flag is true. Each tag stays inside one run so Word keeps it intact.
 */
public final class LetterTemplateBuilder {

  private static final String TITLE_FONT = "宋体";
  private static final String BODY_FONT = "仿宋";
  private static final int BODY_PT = 16;

  private static final String OPENING = "{{applicantName}}：";
  private static final String RECEIVED =
      "本机关于{{receivedOn}}收到您提交的政府信息公开申请（受理编号：{{trackingNumber}}），" + "申请内容为：“{{description}}”。";
  private static final String RIGHTS = "{{rightsNotice}}";

  private LetterTemplateBuilder() {}

  /**
   * One letter: title, addressee line, body paragraphs (a paragraph "{{?x}}" or "{{/x}}" opens or
   * closes a section).
   */
  record Spec(String title, String opening, List<String> body) {}

  static Map<String, Spec> specs() {
    Map<String, Spec> m = new LinkedHashMap<>();
    m.put(
        "acknowledgement",
        new Spec(
            "政府信息公开申请收件回执",
            OPENING,
            List.of(
                "本机关于{{receivedOn}}收到您通过{{channel}}提交的政府信息公开申请，申请内容为：“{{description}}”。经登记，受理编号为{{trackingNumber}}。",
                "依照《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复，答复期限至{{dueOn}}；需要延长答复期限的，将另行书面告知。",
                "依照该条例的规定需要补正申请内容、征求第三方或者其他机关意见、缴纳信息处理费的，相应期间不计算在答复期限内。",
                "查询办理进度时，请告知上述受理编号。")));
    m.put(
        "supplement-notice",
        new Spec(
            "补正申请告知书",
            OPENING,
            List.of(
                RECEIVED,
                "经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：",
                "{{items}}",
                "请您于{{supplementDueOn}}前（含当日）向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起重新计算。",
                "您无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。")));
    m.put(
        "extension-notice",
        new Spec(
            "延期答复告知书",
            OPENING,
            List.of(
                RECEIVED,
                "因{{reason}}，本机关无法在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{workingDays}}个工作日，本机关将于{{dueOn}}前作出答复。",
                "特此告知。")));
    m.put(
        "custom-period-notice",
        new Spec(
            "延迟答复告知书",
            OPENING,
            List.of(
                RECEIVED,
                "经审查，您申请公开政府信息的数量、频次明显超过合理范围（{{reason}}）。本机关认为申请理由合理，但无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，确定答复期限为自收到申请之日起{{workingDays}}个工作日，本机关将于{{dueOn}}前作出答复。",
                "特此告知。")));
    m.put(
        "fee-notice",
        new Spec(
            "信息处理费收费通知",
            OPENING,
            List.of(
                RECEIVED,
                "您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关对您的申请收取信息处理费：",
                "计收方式：{{method}}{{pagesText}}",
                "收费金额：人民币{{amount}}元（大写：{{amountInWords}}）",
                "请您自收到本通知之日起20个工作日内，即于{{paymentDueOn}}前（含当日）缴纳上述费用。自本通知发出之日至缴费之日的期间，不计算在答复期限内。",
                "您逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。")));
    m.put(
        "consultation-third-party",
        new Spec(
            "第三方意见征询函",
            "{{party}}：",
            List.of(
                "本机关于{{receivedOn}}收到一份政府信息公开申请（受理编号：{{trackingNumber}}），申请公开的政府信息为：“{{description}}”。",
                "经审查，该政府信息公开可能损害贵方的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。",
                "请贵方自收到本函之日起15个工作日内，即于{{answerDueOn}}前书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，本机关将依照该条例的规定决定是否公开。")));
    m.put(
        "consultation-agency",
        new Spec(
            "政府信息公开征求意见函",
            "{{party}}：",
            List.of(
                "本机关于{{receivedOn}}收到一份政府信息公开申请（受理编号：{{trackingNumber}}），申请公开的政府信息为：“{{description}}”。",
                "该政府信息涉及贵机关。根据《中华人民共和国政府信息公开条例》第三十三条、第三十四条的规定，现征求贵机关意见。",
                "请贵机关自收到本函之日起15个工作日内，即于{{answerDueOn}}前书面提出意见；逾期未提出意见的，视为同意公开。")));
    m.put(
        "reply-disclosed",
        reply(
            "经审查，您申请获取的政府信息属于可以公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关向您提供该政府信息{{deliveryText}}。",
            "{{?hasReason}}",
            "说明：{{reason}}",
            "{{/hasReason}}"));
    m.put(
        "reply-already-public",
        reply(
            "经查，您申请获取的政府信息已经主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径：{{accessText}}"));
    m.put(
        "reply-partially-disclosed",
        reply(
            "经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容{{deliveryText}}；对不予公开的内容，理由如下：{{reasonText}}"));
    m.put(
        "reply-withheld",
        reply(
            "经审查，您申请获取的政府信息{{ground}}。根据{{legalBasis}}的规定，本机关决定不予公开。",
            "{{?hasReason}}",
            "具体理由：{{reason}}",
            "{{/hasReason}}"));
    m.put(
        "reply-not-held",
        reply(
            "经检索，本机关没有制作或者获取您申请公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，现告知您该政府信息不存在。",
            "{{?hasReason}}",
            "说明：{{reason}}",
            "{{/hasReason}}"));
    m.put(
        "reply-other-agency",
        reply(
            "经审查，您申请公开的政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，现告知您：该政府信息由{{responsibleAgency}}负责公开，{{contactText}}",
            "{{?hasReason}}",
            "说明：{{reason}}",
            "{{/hasReason}}"));
    m.put(
        "reply-needs-creation",
        reply(
            "经审查，本机关没有现成的您所申请的政府信息，提供该信息需要对现有政府信息进行加工、分析。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关不予提供。",
            "{{?hasReason}}",
            "说明：{{reason}}",
            "{{/hasReason}}"));
    m.put(
        "reply-still-unclear",
        reply(
            "本机关已于{{supplementNoticeOn}}告知您补正申请内容，您于{{supplementReceivedOn}}提交了补正后的申请，但补正后申请内容仍不明确，本机关无法确定您所申请公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十条的规定，本机关无法按照您的申请提供政府信息。您可以在明确所需政府信息后重新提出申请。",
            "{{?hasReason}}",
            "说明：{{reason}}",
            "{{/hasReason}}"));
    m.put(
        "reply-not-processed",
        reply(
            "{{ground}}根据{{legalBasis}}的规定，{{consequence}}",
            "{{?hasReason}}",
            "说明：{{reason}}",
            "{{/hasReason}}"));
    m.put(
        "reply-withdrawn",
        reply(
            "您于{{withdrawnOn}}撤回了该政府信息公开申请，本机关终止办理。",
            "{{?hasReason}}",
            "说明：{{reason}}",
            "{{/hasReason}}"));
    m.put("reply-other", reply("经办理，现告知如下：{{reason}}"));
    m.put(
        "discontinued-no-supplement",
        new Spec(
            "不再处理告知书",
            OPENING,
            List.of(
                RECEIVED,
                "本机关已于{{supplementNoticeOn}}书面告知您补正申请内容，补正期限至{{supplementDueOn}}。您在该期限内无正当理由未作出补正，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
                RIGHTS)));
    m.put(
        "discontinued-fee-unpaid",
        new Spec(
            "不再处理告知书",
            OPENING,
            List.of(
                RECEIVED,
                "本机关已于{{feeNoticeOn}}向您发出信息处理费收费通知，收费金额人民币{{amount}}元，缴费期限至{{paymentDueOn}}。您在该期限内未缴纳，根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
                RIGHTS)));
    return m;
  }

  private static Spec reply(String... decision) {
    List<String> body = new ArrayList<>();
    body.add(RECEIVED + "现答复如下：");
    body.addAll(List.of(decision));
    body.add(RIGHTS);
    return new Spec("政府信息公开申请答复书", OPENING, body);
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/letters");
    Files.createDirectories(dir);
    for (var e : specs().entrySet()) {
      try (XWPFDocument doc = build(e.getValue());
          OutputStream out = Files.newOutputStream(dir.resolve(e.getKey() + ".docx"))) {
        doc.write(out);
      }
    }
  }

  static XWPFDocument build(Spec spec) {
    XWPFDocument doc = new XWPFDocument();
    page(doc);
    XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, false);
    title.setSpacingAfter(240);
    run(title, spec.title(), TITLE_FONT, 22, true);
    run(
        paragraph(doc, ParagraphAlignment.RIGHT, false),
        "受理编号：{{trackingNumber}}",
        BODY_FONT,
        BODY_PT,
        false);
    run(paragraph(doc, ParagraphAlignment.LEFT, false), spec.opening(), BODY_FONT, BODY_PT, false);
    for (String text : spec.body()) {
      boolean tag = text.startsWith("{{?") || text.startsWith("{{/");
      run(paragraph(doc, ParagraphAlignment.BOTH, !tag), text, BODY_FONT, BODY_PT, false);
    }
    paragraph(doc, ParagraphAlignment.LEFT, false);
    run(paragraph(doc, ParagraphAlignment.RIGHT, false), "{{seal}}", BODY_FONT, BODY_PT, false);
    run(
        paragraph(doc, ParagraphAlignment.RIGHT, false),
        "{{agencyName}}",
        BODY_FONT,
        BODY_PT,
        false);
    run(
        paragraph(doc, ParagraphAlignment.RIGHT, false),
        "{{letterDate}}",
        BODY_FONT,
        BODY_PT,
        false);
    paragraph(doc, ParagraphAlignment.LEFT, false);
    run(
        paragraph(doc, ParagraphAlignment.LEFT, false),
        "（联系地址：{{agencyAddress}}　联系电话：{{agencyPhone}}）",
        BODY_FONT,
        12,
        false);
    return doc;
  }

  private static void page(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar mar = sect.addNewPgMar();
    mar.setTop(BigInteger.valueOf(2098)); // 37 mm
    mar.setBottom(BigInteger.valueOf(1984)); // 35 mm
    mar.setLeft(BigInteger.valueOf(1587)); // 28 mm
    mar.setRight(BigInteger.valueOf(1474)); // 26 mm
  }

  private static XWPFParagraph paragraph(
      XWPFDocument doc, ParagraphAlignment align, boolean indent) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    p.setSpacingBetween(28, LineSpacingRule.EXACT);
    if (indent) {
      p.setFirstLineIndent(BODY_PT * 20 * 2); // two characters
    }
    return p;
  }

  private static void run(XWPFParagraph p, String text, String font, int pt, boolean bold) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setBold(bold);
    r.setFontSize(pt);
    r.setFontFamily(font);
    r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
  }
}
