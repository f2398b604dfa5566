package org.linqin.core.security;

/**
 * Where community roles are held: the identity server (Keycloak in production). The platform writes appointments
 * here and nowhere else, so the identity server stays the one source of roles; a change shows in the person's
 * next token. Implementations throw {@link IdentityUnavailableException} when the identity server cannot be
 * reached or refuses.
 */
public interface IdentityDirectory {

    /** Creates the groups {@code /communities/<code>/<role>} for every community role; existing ones are kept. */
    void createCommunityGroups(String communityCode);

    /** Makes the subject a member of {@code /communities/<code>/<role>}. */
    void grant(String subject, String communityCode, CommunityRole role);

    /** Removes the subject from {@code /communities/<code>/<role>}. */
    void revoke(String subject, String communityCode, CommunityRole role);
}
