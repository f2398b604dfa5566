package org.linqin.fourlists.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WishMatchTextTest {

    @Test
    void adjacentChineseCharactersBecomeOneWordAcrossPunctuation() {
        // 停 U+505C, 车 U+8F66, 难 U+96BE; the comma does not break the run
        assertThat(WishMatchText.of("停车，难")).isEqualTo("505c8f66 8f6696be");
    }

    @Test
    void latinWordsStayLowerCaseAndSymbolsSeparate() {
        assertThat(WishMatchText.of("EV-Charging 20 spots!")).isEqualTo("ev charging 20 spots");
    }

    @Test
    void aLoneCharacterIsAWordOfItsOwn() {
        assertThat(WishMatchText.of("6栋 灯")).isEqualTo("6 680b 706f");
    }

    @Test
    void mixedTextKeepsBothKinds() {
        assertThat(WishMatchText.of("6号楼电梯")).isEqualTo("6 53f7697c 697c7535 753568af");
    }

    @Test
    void nothingToCompareGivesAnEmptyText() {
        assertThat(WishMatchText.of("，。！ ?")).isEmpty();
    }
}
