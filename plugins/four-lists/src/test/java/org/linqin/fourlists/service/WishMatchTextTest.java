package org.linqin.fourlists.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WishMatchTextTest {

    @Test
    void adjacentChineseCharactersBecomeOneWordAcrossPunctuation() {
        String text = WishMatchText.of("停车，难");
        assertThat(text).isEqualTo(WishMatchText.word('停', '车') + " " + WishMatchText.word('车', '难'));
        assertThat(text.split(" ")).allMatch(w -> w.matches("[0-9a-z]{4}"));
    }

    @Test
    void theSamePairIsTheSameWordAndOthersDiffer() {
        assertThat(WishMatchText.word('停', '车')).isEqualTo(WishMatchText.word('停', '车'));
        assertThat(WishMatchText.word('停', '车')).isNotEqualTo(WishMatchText.word('车', '停'));
        Set<String> words = new HashSet<>();
        String common = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感";
        for (int a = 0; a < common.length(); a++) {
            for (int b = 0; b < common.length(); b++) {
                words.add(WishMatchText.word(common.charAt(a), common.charAt(b)));
            }
        }
        int pairs = common.length() * common.length();
        assertThat(words.size()).as("distinct words of %d pairs", pairs).isGreaterThan(pairs * 99 / 100);
    }

    @Test
    void latinWordsStayLowerCaseAndSymbolsSeparate() {
        assertThat(WishMatchText.of("EV-Charging 20 spots!")).isEqualTo("ev charging 20 spots");
    }

    @Test
    void aLoneCharacterIsAWordOfItsOwnAndDigitsStay() {
        List<String> words = Arrays.asList(WishMatchText.of("6栋 灯").split(" "));
        assertThat(words).containsExactly("6", WishMatchText.word('栋', ' '), WishMatchText.word('灯', ' '));
    }

    @Test
    void onlyTheBeginningCounts() {
        String gist = "小区停车难".repeat(60);
        assertThat(WishMatchText.of(gist + "希望增设充电桩")).isEqualTo(WishMatchText.of(gist));
    }

    @Test
    void nothingToCompareGivesAnEmptyText() {
        assertThat(WishMatchText.of("，。！ ?")).isEmpty();
    }
}
