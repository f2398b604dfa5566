package org.linqin.culturalevent.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventState;

/**
 * Who may do what with events. Organisers are the community's admins, committee members and property staff (the
 * co-hosts of the case); helpers named on an event and members of its steward teams scan tickets. A caller who is not
 * a member of the addressed community sees published PUBLIC events only; drafts are seen by organisers only.
 */
@ApplicationScoped
public class EventAccess {

    public static final List<String> ORGANISER_ROLES = List.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER,
            Roles.PROPERTY_STAFF, Roles.PLATFORM_ADMIN);

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    @Inject
    EventNeighbours neighbours;

    public boolean organises() {
        return caller.hasAnyRole(ORGANISER_ROLES);
    }

    public void requireOrganiser(Msg what) {
        if (!organises()) {
            throw new ForbiddenException(Msg.of("event.event.communitySAdminsCommittee", what));
        }
    }

    /** Holds a role in the addressed community (the roles of the token are only those of the addressed one). */
    public boolean isMember() {
        return caller.hasAnyRole(Roles.COMMUNITY_ROLES) || caller.hasRole(Roles.PLATFORM_ADMIN);
    }

    public boolean maySee(CulturalEvent event) {
        if (event.state == EventState.DRAFT) {
            return organises();
        }
        return event.isPublic() || isMember();
    }

    /** The event if the caller may see it; else NOT_FOUND, as if it did not exist. */
    public CulturalEvent visible(CulturalEvent event, Long id) {
        if (event == null || !maySee(event)) {
            throw new NotFoundException(Msg.of("event.thing.culturalEvent"), id);
        }
        return event;
    }

    /** Organisers, the event's helpers and members of its steward teams scan its tickets. */
    public void requireScanner(CulturalEvent event) {
        if (organises()) {
            return;
        }
        Optional<Person> me = ownRecord.find();
        if (me.isPresent() && (event.helperPersonIds.contains(me.get().id)
                || neighbours.isStewardOf(event.id, me.get().id))) {
            return;
        }
        throw new ForbiddenException(Msg.of("event.event.ticketsScannedOrganisersEvent"));
    }
}
