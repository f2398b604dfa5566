package org.linqin.fourlists.service;

import java.util.Locale;

/**
 * Text as PostgreSQL's trigram similarity compares it: Latin letters and digits stay words (lower case); every pair
 * of adjacent other letters (Chinese characters) becomes one word of their code points in hex, a lone one a word of
 * its own. pg_trgm then finds "希望小区增加停车位" close to "小区停车难，希望增加车位" (0.72) in any database locale —
 * in the C locale it would otherwise see no word characters in Chinese at all.
 */
public final class WishMatchText {

    private WishMatchText() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            int c = lower.codePointAt(i);
            if (c < 128) {
                int start = i;
                while (i < lower.length() && lower.charAt(i) < 128 && Character.isLetterOrDigit(lower.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    out.append(lower, start, i).append(' ');
                } else {
                    i++;
                }
                continue;
            }
            int previous = -1;
            int count = 0;
            while (i < lower.length() && lower.codePointAt(i) >= 128) {
                int letter = lower.codePointAt(i);
                i += Character.charCount(letter);
                if (!Character.isLetterOrDigit(letter)) {
                    continue; // Chinese punctuation: the run goes on across it
                }
                if (previous >= 0) {
                    out.append(Integer.toHexString(previous)).append(Integer.toHexString(letter)).append(' ');
                }
                previous = letter;
                count++;
            }
            if (count == 1) {
                out.append(Integer.toHexString(previous)).append(' ');
            }
        }
        return out.toString().trim();
    }
}
