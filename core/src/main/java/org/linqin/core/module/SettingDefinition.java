package org.linqin.core.module;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.linqin.core.i18n.Msg;

/**
 * A declared module setting. Values travel and are stored as strings; {@link #check(String)} says whether a
 * value is acceptable, and {@link ModuleSettings} reads typed values.
 */
public record SettingDefinition(String key, SettingType type, String description, String defaultValue,
        Long min, Long max, List<String> allowedValues) {

    public static final int MAX_STRING_LENGTH = 500;

    public SettingDefinition {
        Objects.requireNonNull(key, "a setting needs a key");
        Objects.requireNonNull(type, "a setting needs a type");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    public static SettingDefinition string(String key, String description, String defaultValue, int maxLength) {
        return new SettingDefinition(key, SettingType.STRING, description, defaultValue, 0L, (long) maxLength, null);
    }

    public static SettingDefinition integer(String key, String description, long defaultValue, long min, long max) {
        return new SettingDefinition(key, SettingType.INTEGER, description, Long.toString(defaultValue), min, max, null);
    }

    public static SettingDefinition bool(String key, String description, boolean defaultValue) {
        return new SettingDefinition(key, SettingType.BOOLEAN, description, Boolean.toString(defaultValue), null, null,
                null);
    }

    public static SettingDefinition choice(String key, String description, String defaultValue, List<String> values) {
        return new SettingDefinition(key, SettingType.CHOICE, description, defaultValue, null, null, values);
    }

    public static SettingDefinition choiceList(String key, String description, List<String> defaults,
            List<String> values) {
        return new SettingDefinition(key, SettingType.CHOICE_LIST, description, String.join(",", defaults), null, null,
                values);
    }

    /** @return why the value is not acceptable, or empty when it is */
    public Optional<Msg> check(String value) {
        if (value == null) {
            return Optional.of(Msg.of("core.settingDefinition.mustHaveValue"));
        }
        switch (type) {
            case STRING -> {
                long limit = max == null ? MAX_STRING_LENGTH : max;
                return value.length() > limit ? Optional.of(Msg.of("core.settingDefinition.mustMostCharacters", limit))
                        : Optional.empty();
            }
            case INTEGER -> {
                try {
                    long n = Long.parseLong(value.trim());
                    if ((min != null && n < min) || (max != null && n > max)) {
                        return Optional.of(Msg.of("core.settingDefinition.mustBetween", min, max));
                    }
                    return Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of(Msg.of("core.settingDefinition.mustWholeNumber"));
                }
            }
            case BOOLEAN -> {
                return value.equals("true") || value.equals("false") ? Optional.empty()
                        : Optional.of(Msg.of("core.settingDefinition.mustTrueFalse"));
            }
            case CHOICE -> {
                return allowedValues.contains(value) ? Optional.empty()
                        : Optional.of(Msg.of("core.settingDefinition.mustOne", allowedValues));
            }
            case CHOICE_LIST -> {
                return splitList(value).stream().allMatch(allowedValues::contains) ? Optional.empty()
                        : Optional.of(Msg.of("core.settingDefinition.mustCommaSeparatedList", allowedValues));
            }
            default -> throw new IllegalStateException("unknown setting type " + type);
        }
    }

    static List<String> splitList(String value) {
        return value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
