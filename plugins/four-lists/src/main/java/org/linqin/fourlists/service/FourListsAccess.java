package org.linqin.fourlists.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.fourlists.model.Meeting;
import org.linqin.fourlists.model.MeetingKind;
import org.linqin.fourlists.model.Party;
import org.linqin.fourlists.model.Wish;

/**
 * Who may do what with the four lists. The community's admins and committee members answer wishes, split tasks and
 * convene any meeting; grid workers, who collect wishes, read them all (part-time ones do not); the owners' committee convenes building,
 * owners' meetings and forums; a building leader convenes the meetings of the building they live in; each party's
 * role updates the tasks and claims the projects of that party; residents submit, support, register and evaluate.
 */
@ApplicationScoped
public class FourListsAccess {

    /** Answer wishes, split tasks, convene any meeting, escalate. */
    public static final List<String> STAFF = List.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER,
            Roles.PLATFORM_ADMIN);
    /**
     * Read every wish, history included, and the dashboards. Part-time grid workers, limited to their assigned grids
     * in the grid module, are not among them.
     */
    public static final List<String> READERS = List.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER,
            Roles.GRID_WORKER, Roles.PLATFORM_ADMIN);
    /** The role that acts for each party. */
    static final Map<Party, String> PARTY_ROLES = Map.of(Party.COMMUNITY, Roles.COMMITTEE_MEMBER,
            Party.PROPERTY, Roles.PROPERTY_STAFF, Party.OWNERS_COMMITTEE, Roles.OWNERS_COMMITTEE,
            Party.PARTNER, Roles.PARTNER_STAFF);

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    public boolean isStaff() {
        return caller.hasAnyRole(STAFF);
    }

    public boolean reads() {
        return caller.hasAnyRole(READERS);
    }

    public void requireStaff(Msg what) {
        if (!isStaff()) {
            throw new ForbiddenException(Msg.of("fourlists.fourLists.communitySAdminsCommittee", what));
        }
    }

    public void requireReader(Msg what) {
        if (!reads()) {
            throw new ForbiddenException(Msg.of("fourlists.fourLists.communitySAdminsCommittee2", what));
        }
    }

    /** Public wishes are seen by members; others by their author and the readers. */
    public boolean maySee(Wish wish) {
        return wish.isPublic || reads() || isMine(wish);
    }

    /** States' history and answers in full: the author and the readers. */
    public boolean maySeeHistory(Wish wish) {
        return reads() || isMine(wish);
    }

    /** The HQL condition on a wish alias that {@link #maySee} decides for callers who are not readers ({@code :me}). */
    public String wishVisibleTo(String alias) {
        return "(" + alias + ".isPublic = true or " + alias + ".authorPersonId = :me)";
    }

    /** The parties the caller acts for by role. */
    public List<Party> myParties() {
        return PARTY_ROLES.entrySet().stream().filter(e -> caller.hasRole(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private boolean isMine(Wish wish) {
        Optional<Person> me = ownRecord.find();
        return me.isPresent() && me.get().id.equals(wish.authorPersonId);
    }

    /** Staff convene any meeting, the owners' committee all but tripartite ones, building leaders their building's. */
    public void requireConvener(MeetingKind kind, Long buildingId) {
        if (isStaff()) {
            return;
        }
        if (kind != MeetingKind.TRIPARTITE && caller.hasRole(Roles.OWNERS_COMMITTEE)) {
            return;
        }
        if (kind == MeetingKind.BUILDING && caller.hasRole(Roles.BUILDING_LEADER) && buildingId != null
                && ownRecord.find().map(p -> p.building != null && p.building.id.equals(buildingId)).orElse(false)) {
            return;
        }
        throw new ForbiddenException(kind == MeetingKind.TRIPARTITE
                ? Msg.of("fourlists.fourLists.tripartiteConvenedBy")
                : Msg.of("fourlists.fourLists.meetingsConvenedBy"));
    }

    /** The convener and the staff run a meeting: agenda, attendance, resolutions, projects, closing. */
    public void requireRunner(Meeting meeting) {
        if (isStaff() || ownRecord.find().map(p -> p.id.equals(meeting.convenerPersonId)).orElse(false)) {
            return;
        }
        throw new ForbiddenException(Msg.of("fourlists.fourLists.meetingRunConvenerCommunity"));
    }

    /** The party's role (and the community's admins) act for a party: update its tasks, claim for it. */
    public void requireParty(Party party, Msg what) {
        if (caller.hasRole(Roles.COMMUNITY_ADMIN) || caller.hasRole(Roles.PLATFORM_ADMIN)
                || caller.hasRole(PARTY_ROLES.get(party))) {
            return;
        }
        throw new ForbiddenException(
                Msg.of("fourlists.fourLists.rolePartyCommunityAdmin", what, PARTY_ROLES.get(party), party));
    }
}
