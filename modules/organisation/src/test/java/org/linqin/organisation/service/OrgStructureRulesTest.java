package org.linqin.organisation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linqin.organisation.model.OrgUnitKind;

class OrgStructureRulesTest {

    /** The only acceptable parent of each kind (null: none). */
    static final Map<OrgUnitKind, OrgUnitKind> EXPECTED = new java.util.EnumMap<>(OrgUnitKind.class);
    static {
        for (OrgUnitKind kind : OrgUnitKind.values()) {
            EXPECTED.put(kind, null);
        }
        EXPECTED.put(OrgUnitKind.COMPOUND_PARTY_COMMITTEE, OrgUnitKind.COMMUNITY_PARTY_COMMITTEE);
        EXPECTED.put(OrgUnitKind.COMPOUND_PARTY_BRANCH, OrgUnitKind.COMPOUND_PARTY_COMMITTEE);
        EXPECTED.put(OrgUnitKind.PARTY_GROUP, OrgUnitKind.COMPOUND_PARTY_BRANCH);
        EXPECTED.put(OrgUnitKind.PARTY_MEMBER_HOUSEHOLD, OrgUnitKind.PARTY_GROUP);
        EXPECTED.put(OrgUnitKind.TWO_NEW_PARTY_BRANCH, OrgUnitKind.PROPERTY_SERVICE_COMPANY);
    }

    @Test
    void everyKindAcceptsExactlyOneParentOrNone() {
        List<OrgUnitKind> parents = new ArrayList<>(Arrays.asList(OrgUnitKind.values()));
        parents.add(null);
        for (OrgUnitKind kind : OrgUnitKind.values()) {
            for (OrgUnitKind parent : parents) {
                boolean accepted = OrgStructureRules.checkParent(kind, parent).isEmpty();
                assertThat(accepted).as(kind + " under " + parent).isEqualTo(parent == EXPECTED.get(kind));
            }
        }
    }

    @Test
    void refusalsNameTheRequiredParent() {
        assertThat(OrgStructureRules.checkParent(OrgUnitKind.PARTY_GROUP, OrgUnitKind.COMPOUND_PARTY_COMMITTEE)).map(Object::toString)
                .contains("must be a COMPOUND_PARTY_BRANCH for a PARTY_GROUP, not a COMPOUND_PARTY_COMMITTEE");
        assertThat(OrgStructureRules.checkParent(OrgUnitKind.SCHOOL, OrgUnitKind.COMMUNITY_PARTY_COMMITTEE)).map(Object::toString)
                .contains("must be empty: a SCHOOL has no parent unit");
    }

    @Test
    void axisLevelsAndPartyMembership() {
        assertThat(OrgStructureRules.axisLevel(OrgUnitKind.COMMUNITY_PARTY_COMMITTEE)).contains(1);
        assertThat(OrgStructureRules.axisLevel(OrgUnitKind.PARTY_MEMBER_HOUSEHOLD)).contains(5);
        assertThat(OrgStructureRules.axisLevel(OrgUnitKind.SCHOOL)).isEmpty();
        assertThat(OrgStructureRules.holdsPartyMembers(OrgUnitKind.PARTY_GROUP)).isTrue();
        assertThat(OrgStructureRules.holdsPartyMembers(OrgUnitKind.PARTY_MEMBER_HOUSEHOLD)).isFalse();
    }
}
