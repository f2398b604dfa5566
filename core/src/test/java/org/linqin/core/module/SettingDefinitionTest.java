package org.linqin.core.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SettingDefinitionTest {

    @Test
    void integersMustBeWholeAndInRange() {
        SettingDefinition pins = SettingDefinition.integer("max-pinned", "", 3, 0, 20);
        assertThat(pins.check("5")).isEmpty();
        assertThat(pins.check("21").map(Object::toString)).contains("must be between 0 and 20");
        assertThat(pins.check("-1").map(Object::toString)).contains("must be between 0 and 20");
        assertThat(pins.check("2.5").map(Object::toString)).contains("must be a whole number");
        assertThat(pins.check(null).map(Object::toString)).contains("must have a value");
    }

    @Test
    void stringsBooleansAndChoices() {
        assertThat(SettingDefinition.string("s", "", "x", 3).check("abcd").map(Object::toString)).contains("must be at most 3 characters");
        assertThat(SettingDefinition.bool("b", "", true).check("yes").map(Object::toString)).contains("must be true or false");
        assertThat(SettingDefinition.bool("b", "", true).check("false")).isEmpty();
        SettingDefinition level = SettingDefinition.choice("level", "", "low", List.of("low", "high"));
        assertThat(level.check("high")).isEmpty();
        assertThat(level.check("medium").map(Object::toString)).contains("must be one of [low, high]");
        SettingDefinition days = SettingDefinition.choiceList("days", "", List.of("MON"), List.of("MON", "TUE"));
        assertThat(days.check("MON, TUE")).isEmpty();
        assertThat(days.check("MON,SUN")).isPresent();
    }

    @Test
    void settingsReadTypedValues() {
        ModuleSettings settings = new ModuleSettings(java.util.Map.of("n", "7", "b", "true", "l", "a, b"));
        assertThat(settings.integer("n")).isEqualTo(7);
        assertThat(settings.bool("b")).isTrue();
        assertThat(settings.list("l")).containsExactly("a", "b");
    }
}
