package org.linqin.volunteer.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StarLevelsTest {

    static final StarLevels DEFAULT = StarLevels.parse("100,300,600,1000,1500");

    @Test
    void levelsFollowTheThresholds() {
        assertThat(DEFAULT.level(0)).isZero();
        assertThat(DEFAULT.level(99 * 60 + 59)).isZero();
        assertThat(DEFAULT.level(100 * 60)).isEqualTo(1);
        assertThat(DEFAULT.level(1499 * 60)).isEqualTo(4);
        assertThat(DEFAULT.level(1500 * 60)).isEqualTo(5);
        assertThat(DEFAULT.hoursToNext(101 * 60)).contains(199.0);
        assertThat(DEFAULT.hoursToNext(2000 * 60)).isEmpty();
    }

    @Test
    void badThresholdsAreNamed() {
        assertThat(StarLevels.problem("100,300,600,1000,1500")).isEmpty();
        assertThat(StarLevels.problem("300,100")).isPresent();
        assertThat(StarLevels.problem("100,abc")).get().asString().contains("abc");
        assertThat(StarLevels.problem("0")).isPresent();
        assertThat(StarLevels.problem("1,2,3,4,5,6,7,8,9,10,11")).isPresent();
    }
}
