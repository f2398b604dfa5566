package org.linqin.core.people.service;

/**
 * Exchanges the code a WeChat mini-program gets from its phone-number button ({@code getPhoneNumber}) for the
 * phone number WeChat confirms, server side (the server implements it against the WeChat API). Throws
 * {@link org.linqin.core.graphql.ValidationFailedException} (field {@code phoneCode}) for a code WeChat refuses,
 * and {@link org.linqin.core.security.IdentityUnavailableException} when WeChat cannot be reached.
 */
public interface ConfirmedPhones {

    /** A phone number as WeChat gives it: the country calling code and the number without it. */
    record ConfirmedPhone(String countryCode, String number) {

        /** The ways a person record may hold this number: as given, with {@code +<country>} or with the country code. */
        public java.util.List<String> spellings() {
            if (countryCode == null || countryCode.isBlank()) {
                return java.util.List.of(number);
            }
            return java.util.List.of(number, "+" + countryCode + number, countryCode + number);
        }
    }

    ConfirmedPhone exchange(String phoneCode);
}
