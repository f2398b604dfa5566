package org.linqin.core.people.service;

/** Masks phone numbers for callers who may not see them in full: {@code 13812345678} becomes {@code 138****5678}. */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.trim();
        if (digits.length() <= 4) {
            return "****";
        }
        if (digits.length() < 8) {
            return "****" + digits.substring(digits.length() - 2);
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
