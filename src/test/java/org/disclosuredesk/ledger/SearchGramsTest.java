package org.disclosuredesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchGramsTest {

  static long pair(String two) {
    int[] cps = two.codePoints().toArray();
    return cps[0] * SearchGrams.RADIX + cps[1];
  }

  @Test
  void cutsTextIntoOverlappingPairsOfCharacters() {
    assertThat(SearchGrams.of("征收补偿")).containsExactly(pair("征收"), pair("收补"), pair("补偿"));
  }

  @Test
  void theWordsOfASearchGiveTheirPairsInTurn() {
    List<Long> place = List.copyOf(SearchGrams.of("朝阳区"));
    List<Long> subject = List.copyOf(SearchGrams.of("征收补偿"));
    assertThat(LedgerSearchRepository.interleaved(List.of(place, subject)))
        .containsExactly(pair("朝阳"), pair("征收"), pair("阳区"), pair("收补"), pair("补偿"));
    // a pair two words share is joined once
    assertThat(
            LedgerSearchRepository.interleaved(List.of(List.copyOf(SearchGrams.of("补偿")), subject)))
        .containsExactly(pair("补偿"), pair("征收"), pair("收补"));
  }

  @Test
  void aPrefixRangeEndsAtTheLeastStringAboveThePrefix() {
    assertThat(LedgerSearchRepository.successor("2026-0")).isEqualTo("2026-1");
    assertThat(LedgerSearchRepository.successor("张")).isEqualTo(String.valueOf((char) ('张' + 1)));
    assertThat(LedgerSearchRepository.successor("a\uFFFF")).isEqualTo("b");
    assertThat(LedgerSearchRepository.successor("\uFFFF")).isNull();
    // everything starting with the prefix lies below it, a character outside the BMP included
    assertThat("2026-0999").isLessThan(LedgerSearchRepository.successor("2026-0"));
    assertThat("张𠀋").isLessThan(LedgerSearchRepository.successor("张"));
  }

  @Test
  void keepsEachPairOnce() {
    assertThat(SearchGrams.of("公开公开")).containsExactly(pair("公开"), pair("开公"));
  }

  @Test
  void leavesOutPairsWithWhiteSpaceAndLowerCasesLatinLetters() {
    assertThat(SearchGrams.of("A1 征收\t补")).containsExactly(pair("a1"), pair("征收"));
  }

  @Test
  void countsCharactersOutsideTheBasicPlaneAsOne() {
    // 𠀋 (U+2000B) is one character in two UTF-16 units: its pairs are with its neighbours, never
    // half of it
    assertThat(SearchGrams.of("甲𠀋乙")).containsExactly(pair("甲𠀋"), pair("𠀋乙"));
  }

  @Test
  void shortOrMissingTextHasNoPairs() {
    assertThat(SearchGrams.of(null)).isEmpty();
    assertThat(SearchGrams.of("")).isEmpty();
    assertThat(SearchGrams.of("征")).isEmpty();
  }

  @Test
  void aSearchIsSplitIntoWordsAtWhiteSpace() {
    assertThat(LedgerSearchRepository.terms("  朝阳区　征收补偿 2026-0001 "))
        .isEqualTo(List.of("朝阳区", "征收补偿", "2026-0001"));
    assertThat(LedgerSearchRepository.terms(" ")).isEmpty();
    assertThat(LedgerSearchRepository.terms(null)).isEmpty();
  }
}
