package org.linqin.core.people.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

    @Test
    void keepsTheFirstThreeAndLastFourDigits() {
        assertThat(PhoneMask.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneMask.mask("+8613812345678")).isEqualTo("+86****5678");
    }

    @Test
    void hidesShortNumbersAlmostEntirely() {
        assertThat(PhoneMask.mask("12345")).isEqualTo("****45");
        assertThat(PhoneMask.mask("110")).isEqualTo("****");
        assertThat(PhoneMask.mask(null)).isNull();
    }
}
