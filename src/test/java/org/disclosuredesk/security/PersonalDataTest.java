package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

class PersonalDataTest {

  @Test
  void masksIdNumbers() {
    assertThat(PersonalData.maskIdNumber("370102199001011234")).isEqualTo("3701**********1234");
    assertThat(PersonalData.maskIdNumber("37010219900101123X")).isEqualTo("3701**********123X");
    assertThat(PersonalData.maskIdNumber("370102900101123")).isEqualTo("3701*******1123");
    assertThat(PersonalData.maskIdNumber(" 370102199001011234 ")).isEqualTo("3701**********1234");
    assertThat(PersonalData.maskIdNumber("1234")).isEqualTo("****");
    assertThat(PersonalData.maskIdNumber(null)).isNull();
    assertThat(PersonalData.maskIdNumber("")).isEmpty();
  }

  @Test
  void masksPhones() {
    assertThat(PersonalData.maskPhone("13800000000")).isEqualTo("138****0000");
    assertThat(PersonalData.maskPhone("19912345678")).isEqualTo("199****5678");
    assertThat(PersonalData.maskPhone("123")).isEqualTo("***");
    assertThat(PersonalData.maskPhone(null)).isNull();
  }

  @Test
  void masksNames() {
    assertThat(PersonalData.maskName("张三丰")).isEqualTo("张**");
    assertThat(PersonalData.maskName(" 李四 ")).isEqualTo("李*");
    assertThat(PersonalData.maskName("王")).isEqualTo("*");
    // a character outside the BMP is one character, not two halves
    assertThat(PersonalData.maskName("\uD842\uDFB7二")).isEqualTo("\uD842\uDFB7*");
    assertThat(PersonalData.maskName("张\uD842\uDFB7")).isEqualTo("张*");
    assertThat(PersonalData.maskName(null)).isNull();
  }

  @Test
  void masksInsideFreeText() {
    String text = "申请人张三，身份证号370102199001011234，手机13800000000，座机0531-88881234，请联系。";
    String masked = PersonalData.maskText(text);
    assertThat(masked)
        .contains("3701**********1234")
        .contains("138****0000")
        .contains("0531-****1234")
        .doesNotContain("370102199001011234")
        .doesNotContain("13800000000")
        .startsWith("申请人张三，")
        .endsWith("，请联系。");
    assertThat(PersonalData.maskText("id=37010219900101123x phone=13912345678"))
        .isEqualTo("id=3701**********123x phone=139****5678");
  }

  @Test
  void leavesOtherNumbersAndShortTextAlone() {
    assertThat(PersonalData.maskText("2024年第12号 共3页")).isEqualTo("2024年第12号 共3页");
    assertThat(PersonalData.maskText("tracking DD-2024-000123"))
        .isEqualTo("tracking DD-2024-000123");
    assertThat(PersonalData.maskText("短")).isEqualTo("短");
    assertThat(PersonalData.maskText(null)).isNull();
  }

  @Test
  void structuredLogCustomizerMasksEveryStringMember() {
    JsonWriter<Object> writer =
        JsonWriter.of(
            members -> {
              members.add("message", m -> m.toString());
              members.add("process.thread.name", m -> "main");
              new PersonalDataMaskingCustomizer().customize(members);
            });
    String line = writer.writeToString("登记申请：身份证370102199001011234，电话13800000000");
    assertThat(line)
        .contains("3701**********1234")
        .contains("138****0000")
        .doesNotContain("370102199001011234")
        .doesNotContain("13800000000");
  }
}
