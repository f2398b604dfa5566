package org.linqin.volunteer.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.volunteer.model.Activity;
import org.linqin.volunteer.model.ActivityKind;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.Team;
import org.linqin.volunteer.model.TeamMember;
import org.linqin.volunteer.service.VolunteerInputs.NewActivity;
import org.linqin.volunteer.service.VolunteerInputs.NewShift;
import org.linqin.volunteer.service.VolunteerInputs.PositionNeed;
import org.linqin.volunteer.spi.VolunteerTeams;

/** The volunteer-team module's published interface, for other modules. */
@ApplicationScoped
public class VolunteerTeamsService implements VolunteerTeams {

    @Override
    public Optional<TeamRef> team(long id) {
        return Team.<Team> findByIdOptional(id).map(t -> new TeamRef(t.id, t.name));
    }

    @Inject
    ShiftService shifts;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long scheduleShift(long teamId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String placeName, String positionName, int peopleNeeded) {
        Activity activity = shifts.createActivity(new NewActivity(teamId, title, ActivityKind.EVENT_SUPPORT, null));
        return shifts.schedule(new NewShift(activity.id, startsAt, endsAt, placeName, null, null,
                List.of(new PositionNeed(positionName, peopleNeeded)), null, true, true, null)).get(0).id;
    }

    @Override
    public boolean isMember(long teamId, long personId) {
        return !TeamMember.<TeamMember> find("teamId = ?1 and personId = ?2 and state = ?3", teamId, personId,
                MembershipState.ACTIVE).page(0, 1).list().isEmpty();
    }
}
