package org.linqin.fourlists.service;

import java.util.Locale;

/**
 * Text as PostgreSQL's trigram similarity (pg_trgm) compares it. pg_trgm builds trigrams of the letters and digits of
 * each word; in the C locale it sees no letters in Chinese at all, and Chinese has no spaces between words anyway.
 * So Latin words and numbers stay as they are (lower case), and every pair of adjacent other letters (Chinese
 * characters) becomes one word of four letters and digits, a hash of the pair: two texts that share character pairs
 * share those words' trigrams, and unrelated texts share few (the hash spreads pairs over 36⁴ words). Only the first
 * {@value #MAX_CHARS} characters count, the gist of a wish: a long text would share something with everything.
 * With pg_trgm's similarity (shared trigrams over all trigrams) on such texts: "希望小区增加停车位" against
 * "小区停车难，希望增加车位" about 0.4, a short wish against a long one about the same thing about 0.2, unrelated wishes
 * of 240 characters 0.06 to 0.10; hence {@link #ALIKE_FROM}.
 */
public final class WishMatchText {

    /** Similarity from which an open wish is suggested as alike (pg_trgm's {@code similarity}). */
    public static final double ALIKE_FROM = 0.15;
    static final int MAX_CHARS = 300;
    private static final String SYMBOLS = "0123456789abcdefghijklmnopqrstuvwxyz";

    private WishMatchText() {
    }

    public static String of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() > MAX_CHARS) {
            lower = lower.substring(0, MAX_CHARS);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lower.length()) {
            if (lower.charAt(i) < 128) {
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
            int letters = 0;
            while (i < lower.length() && lower.charAt(i) >= 128) {
                int letter = lower.codePointAt(i);
                i += Character.charCount(letter);
                if (!Character.isLetterOrDigit(letter)) {
                    continue; // Chinese punctuation: the run goes on across it
                }
                if (previous >= 0) {
                    out.append(word(previous, letter)).append(' ');
                }
                previous = letter;
                letters++;
            }
            if (letters == 1) {
                out.append(word(previous, ' ')).append(' ');
            }
        }
        return out.toString().trim();
    }

    /** Four letters and digits for a pair of characters. */
    static String word(int first, int second) {
        long hash = Integer.toUnsignedLong((first * 1_000_003) ^ (second * 7_919)) * 2_654_435_761L;
        hash = (hash ^ (hash >>> 29)) & 0xffff_ffffL;
        char[] word = new char[4];
        for (int k = 0; k < word.length; k++) {
            word[k] = SYMBOLS.charAt((int) (hash % SYMBOLS.length()));
            hash /= SYMBOLS.length();
        }
        return new String(word);
    }
}
