package org.linqin.organisation.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Roles;
import org.linqin.organisation.api.OrgViews.HouseholdVisitView;
import org.linqin.organisation.api.OrgViews.OrgUnitView;
import org.linqin.organisation.api.OrgViews.PartyMemberCountView;
import org.linqin.organisation.api.OrgViews.PartyMembershipView;
import org.linqin.organisation.model.PartyMembership;
import org.linqin.organisation.service.OrgInputs.NewVisit;
import org.linqin.organisation.service.PartyService;

@GraphQLApi
@ModuleGuarded
public class PartyApi {

    @Inject
    PartyService party;

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.PARTY_MEMBER })
    @Description("Party members per branch and group (党员底数), directly and with the units below. Module "
            + "organisation.")
    public List<PartyMemberCountView> partyMemberCounts() {
        return party.counts().stream().map(c -> new PartyMemberCountView(OrgUnitView.of(c.unit()),
                Math.toIntExact(c.direct()), Math.toIntExact(c.total()))).toList();
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Records a person as party member of a branch or group (a later record transfers them). "
            + "Community admins; audited. Module organisation. 登记党员")
    public PartyMembershipView recordPartyMember(@NonNull @Id @Description("The person.") Long personId,
            @NonNull @Id @Description("The branch or group.") Long unitId,
            @NonNull @Description("Date joined.") LocalDate joinedOn) {
        PartyMembership m = party.record(personId, unitId, joinedOn);
        return new PartyMembershipView(m.personId, m.unitId, m.joinedOn);
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER })
    @Description("Household visits of the big visit. Personal data: staff only; every visit shown is audited. "
            + "Module organisation. 走访记录")
    public Connection<HouseholdVisitView> householdVisits(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return party.visits(PageRequest.of(first, after)).map(HouseholdVisitView::of);
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER })
    @Description("Records a household visit. Staff; audited. Module organisation. 登记走访")
    public HouseholdVisitView recordHouseholdVisit(@NonNull NewVisit input) {
        return HouseholdVisitView.of(party.recordVisit(input));
    }
}
