package org.linqin.organisation.service;

import java.util.Map;
import java.util.Optional;

import org.linqin.core.i18n.Msg;
import org.linqin.organisation.model.OrgUnitKind;

/**
 * Where each kind of unit may sit. The five-level axis is strict: each level sits directly under the level above
 * (社区党委 → 小区党委 → 小区党支部 → 党小组 → 党员中心户); a two-new party branch sits under its property company;
 * the community party committee and partner organisations have no parent.
 */
public final class OrgStructureRules {

    private static final Map<OrgUnitKind, OrgUnitKind> PARENT = Map.of(
            OrgUnitKind.COMPOUND_PARTY_COMMITTEE, OrgUnitKind.COMMUNITY_PARTY_COMMITTEE,
            OrgUnitKind.COMPOUND_PARTY_BRANCH, OrgUnitKind.COMPOUND_PARTY_COMMITTEE,
            OrgUnitKind.PARTY_GROUP, OrgUnitKind.COMPOUND_PARTY_BRANCH,
            OrgUnitKind.PARTY_MEMBER_HOUSEHOLD, OrgUnitKind.PARTY_GROUP,
            OrgUnitKind.TWO_NEW_PARTY_BRANCH, OrgUnitKind.PROPERTY_SERVICE_COMPANY);

    private OrgStructureRules() {
    }

    /** The kind a unit of {@code kind} must sit under, or empty when it must have no parent. */
    public static Optional<OrgUnitKind> requiredParent(OrgUnitKind kind) {
        return Optional.ofNullable(PARENT.get(kind));
    }

    /** @return why {@code parent} (null for none) is not an acceptable parent of {@code kind}, or empty */
    public static Optional<Msg> checkParent(OrgUnitKind kind, OrgUnitKind parent) {
        Optional<OrgUnitKind> required = requiredParent(kind);
        if (required.isEmpty()) {
            return parent == null ? Optional.empty() : Optional.of(Msg.of("organisation.orgStructure.noParent", kind));
        }
        if (parent != required.get()) {
            return Optional.of(parent == null ? Msg.of("organisation.orgStructure.parentRequired", required.get(), kind)
                    : Msg.of("organisation.orgStructure.parentWrong", required.get(), kind, parent));
        }
        return Optional.empty();
    }

    /** Level on the party-building axis (1 to 5), or empty for other kinds. */
    public static Optional<Integer> axisLevel(OrgUnitKind kind) {
        return switch (kind) {
            case COMMUNITY_PARTY_COMMITTEE -> Optional.of(1);
            case COMPOUND_PARTY_COMMITTEE -> Optional.of(2);
            case COMPOUND_PARTY_BRANCH -> Optional.of(3);
            case PARTY_GROUP -> Optional.of(4);
            case PARTY_MEMBER_HOUSEHOLD -> Optional.of(5);
            default -> Optional.empty();
        };
    }

    /** Units a party member can belong to. */
    public static boolean holdsPartyMembers(OrgUnitKind kind) {
        return kind == OrgUnitKind.COMPOUND_PARTY_BRANCH || kind == OrgUnitKind.PARTY_GROUP
                || kind == OrgUnitKind.TWO_NEW_PARTY_BRANCH;
    }
}
