package org.linqin.volunteer.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.linqin.core.i18n.Msg;

/** Star levels (星级志愿者) from cumulative verified hours and the community's thresholds. */
public record StarLevels(List<Integer> thresholds) {

    /** Parses "100,300,600,1000,1500"; the text must have passed {@link #problem}. */
    public static StarLevels parse(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",")) {
            values.add(Integer.parseInt(part.trim()));
        }
        return new StarLevels(List.copyOf(values));
    }

    /** What is wrong with the text, if anything: 1 to 10 whole numbers of hours, strictly ascending. */
    public static Optional<Msg> problem(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length < 1 || parts.length > 10) {
            return Optional.of(Msg.of("volunteer.starLevels.mustListThresholdsComma"));
        }
        int previous = 0;
        for (String part : parts) {
            int value;
            try {
                value = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                return Optional.of(Msg.of("volunteer.starLevels.notWholeNumberHours", part.trim()));
            }
            if (value <= previous || value > 100_000) {
                return Optional.of(Msg.of("volunteer.starLevels.thresholdsMustAscendingWhole"));
            }
            previous = value;
        }
        return Optional.empty();
    }

    /** The level reached with {@code minutes} of verified service: 0 below the first threshold. */
    public int level(long minutes) {
        int level = 0;
        for (int threshold : thresholds) {
            if (minutes >= threshold * 60L) {
                level++;
            }
        }
        return level;
    }

    /** Hours still missing to the next level, or empty at the top. */
    public Optional<Double> hoursToNext(long minutes) {
        int level = level(minutes);
        return level >= thresholds.size() ? Optional.empty()
                : Optional.of((thresholds.get(level) * 60L - minutes) / 60.0);
    }
}
