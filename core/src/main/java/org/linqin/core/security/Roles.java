package org.linqin.core.security;

import java.util.List;

/**
 * The actor types of DOMAIN.md. {@link #PLATFORM_ADMIN} is platform-wide (a realm role); every other role is
 * held per community through membership of the group {@code /communities/<code>/<role>}, and counts only in
 * requests that address that community.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String COMMUNITY_ADMIN = "community-admin";
    public static final String COMMITTEE_MEMBER = "committee-member";
    public static final String GRID_WORKER = "grid-worker";
    public static final String PART_TIME_GRID_WORKER = "part-time-grid-worker";
    public static final String PROPERTY_STAFF = "property-staff";
    public static final String OWNERS_COMMITTEE = "owners-committee";
    public static final String BUILDING_LEADER = "building-leader";
    public static final String PARTY_MEMBER = "party-member";
    public static final String VOLUNTEER = "volunteer";
    public static final String TEAM_LEADER = "team-leader";
    public static final String PARTNER_STAFF = "partner-staff";
    public static final String RESIDENT = "resident";

    /** Roles held in a community, in the order of DOMAIN.md. */
    public static final List<String> COMMUNITY_ROLES = List.of(COMMUNITY_ADMIN, COMMITTEE_MEMBER, GRID_WORKER,
            PART_TIME_GRID_WORKER, PROPERTY_STAFF, OWNERS_COMMITTEE, BUILDING_LEADER, PARTY_MEMBER, VOLUNTEER,
            TEAM_LEADER, PARTNER_STAFF, RESIDENT);

    /** Staff of a community who work with resident records. */
    public static final List<String> STAFF = List.of(COMMUNITY_ADMIN, COMMITTEE_MEMBER, GRID_WORKER,
            PART_TIME_GRID_WORKER, PROPERTY_STAFF, BUILDING_LEADER);

    /** Staff who may see residents' phone numbers in full (every such read is audited). */
    public static final List<String> SEE_FULL_CONTACTS = List.of(COMMUNITY_ADMIN, COMMITTEE_MEMBER, GRID_WORKER,
            PART_TIME_GRID_WORKER);

    private Roles() {
    }
}
