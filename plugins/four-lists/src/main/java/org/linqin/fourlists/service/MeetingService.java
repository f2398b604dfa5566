package org.linqin.fourlists.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.community.model.Place;
import org.linqin.core.community.service.PlaceHolds;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpList;
import org.linqin.core.signup.SignUpState;
import org.linqin.core.signup.SignUps;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.fourlists.model.AgendaItem;
import org.linqin.fourlists.model.Invitee;
import org.linqin.fourlists.model.Meeting;
import org.linqin.fourlists.model.MeetingKind;
import org.linqin.fourlists.model.MeetingState;
import org.linqin.fourlists.model.MicroProject;
import org.linqin.fourlists.model.Resolution;
import org.linqin.fourlists.model.WishTask;
import org.linqin.fourlists.service.FourListsInputs.Closing;
import org.linqin.fourlists.service.FourListsInputs.NewAgendaItem;
import org.linqin.fourlists.service.FourListsInputs.NewMeeting;
import org.linqin.fourlists.service.FourListsInputs.NewResolution;
import org.linqin.grid.spi.GridDirectory.GridRef;

/**
 * Deliberation meetings (议事会议): scheduled with a room (facility-booking), a held place or a named venue, invitees,
 * registrations on the kernel's sign-ups, agenda items referring to wishes, tasks and projects, attendance,
 * resolutions with vote counts, and the minutes and closing report.
 */
@ApplicationScoped
public class MeetingService {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String NOT_INVITED = "NOT_INVITED";
    public static final String STARTED = "STARTED";
    public static final String NOT_STARTED = "NOT_STARTED";
    public static final String HAS_TASKS = "HAS_TASKS";

    static final String HOLDER = "four-lists:meeting:";
    static final int DEFAULT_CAPACITY = 100;
    static final int MAX_AGENDA = 30;
    static final int MAX_RESOLUTIONS = 50;

    public record Filter(MeetingState state, MeetingKind kind, OffsetDateTime from) {
    }

    @Inject
    CommunityContext context;

    @Inject
    InputValidator inputs;

    @Inject
    OwnRecord ownRecord;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    @Inject
    Pagination pagination;

    @Inject
    SignUps signUps;

    @Inject
    PlaceHolds placeHolds;

    @Inject
    FourListsAccess access;

    @Inject
    FourListsNeighbours neighbours;

    @Inject
    WishService wishes;

    @Transactional
    public Meeting schedule(NewMeeting input) {
        inputs.validate("input", input);
        access.requireConvener(input.kind(), input.buildingId());
        Person me = ownRecord.require(Msg.of("fourlists.need.meetingsConvened"));
        if ((input.kind() == MeetingKind.BUILDING) != (input.buildingId() != null)) {
            throw ValidationFailedException.of("input.buildingId",
                    Msg.of("fourlists.meeting.givenBuildingMeetingsOnly"));
        }
        if (input.buildingId() != null) {
            lookup.require(Building.class, input.buildingId(), Msg.of("core.thing.building"));
        }
        if (!input.endsAt().isAfter(input.startsAt())
                || Duration.between(input.startsAt(), input.endsAt()).toHours() >= 12) {
            throw ValidationFailedException.of("input.endsAt", Msg.of("fourlists.meeting.afterStartWithinHours"));
        }
        if (!input.startsAt().isAfter(OffsetDateTime.now())) {
            throw ValidationFailedException.of("input.startsAt", Msg.of("fourlists.meeting.future"));
        }
        int venues = (input.roomId() == null ? 0 : 1) + (input.placeId() == null ? 0 : 1);
        boolean named = input.venueName() != null && !input.venueName().isBlank();
        if (venues > 1 || (venues == 0 && !named)) {
            throw ValidationFailedException.of("input.roomId", Msg.of("fourlists.meeting.giveOneRoomidPlaceid"));
        }
        List<Invitee> invitees = invitees(input.invitees());
        Meeting meeting = new Meeting();
        meeting.kind = input.kind();
        meeting.title = input.title().trim();
        meeting.buildingId = input.buildingId();
        meeting.startsAt = input.startsAt();
        meeting.endsAt = input.endsAt();
        meeting.invitees = invitees;
        meeting.state = MeetingState.PLANNED;
        meeting.convenerPersonId = me.id;
        meeting.createdAt = OffsetDateTime.now();
        int capacity = input.capacity() == null ? DEFAULT_CAPACITY : input.capacity();
        if (input.roomId() != null) {
            var room = neighbours.requireRoom(input.roomId());
            meeting.roomId = room.id();
            meeting.venueName = room.name();
            capacity = input.capacity() == null ? room.capacity() : Math.min(capacity, room.capacity());
        } else if (input.placeId() != null) {
            Place place = lookup.require(Place.class, input.placeId(), Msg.of("core.thing.place"));
            meeting.placeId = place.id;
            meeting.venueName = place.name;
        } else {
            meeting.venueName = input.venueName().trim();
        }
        SignUpList list = signUps.open(capacity, true);
        meeting.signUpListId = list.id;
        meeting.persist();
        String purpose = "议事会议 (deliberation meeting): " + meeting.title;
        if (meeting.roomId != null) {
            meeting.roomBookingId = neighbours.bookRoom(meeting.roomId, meeting.startsAt, meeting.endsAt, purpose,
                    capacity, meeting.title);
        }
        if (meeting.placeId != null) {
            meeting.placeHoldId = placeHolds.hold(meeting.placeId, meeting.startsAt, meeting.endsAt,
                    HOLDER + meeting.id, purpose).id;
        }
        audit.record(context.require(), "four-lists.meeting-scheduled", "meeting", meeting.id,
                Map.of("kind", meeting.kind.name()));
        return meeting;
    }

    private List<Invitee> invitees(List<Invitee> given) {
        if (given == null) {
            return new ArrayList<>();
        }
        List<Invitee> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Invitee invitee = given.get(i);
            String field = "input.invitees[" + i + "]";
            if (invitee == null) {
                throw ValidationFailedException.of(field, Msg.of("fourlists.meeting.mayNotNull"));
            }
            int set = (invitee.buildingId() == null ? 0 : 1) + (invitee.gridId() == null ? 0 : 1)
                    + (invitee.role() == null ? 0 : 1) + (invitee.unitId() == null ? 0 : 1);
            if (set != 1) {
                throw ValidationFailedException.of(field, Msg.of("fourlists.meeting.givesExactlyOneBuildingid"));
            }
            String name;
            if (invitee.buildingId() != null) {
                name = Scopes.buildingName(lookup.require(Building.class, invitee.buildingId(),
                        Msg.of("core.thing.building")));
            } else if (invitee.gridId() != null) {
                name = neighbours.requireGrid(invitee.gridId()).name();
            } else if (invitee.role() != null) {
                if (!Roles.COMMUNITY_ROLES.contains(invitee.role())) {
                    throw ValidationFailedException.of(field + ".role",
                            Msg.of("fourlists.meeting.one", Roles.COMMUNITY_ROLES));
                }
                name = invitee.role();
            } else {
                name = neighbours.requireUnit(invitee.unitId()).name();
            }
            checked.add(new Invitee(invitee.buildingId(), invitee.gridId(), invitee.role(), invitee.unitId(), name));
        }
        return checked;
    }

    /** Cancels a meeting before it begins: registrations cancelled, room and place released. */
    @Transactional
    public Meeting cancel(Long id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ValidationFailedException.of("reason", Msg.of("fourlists.meeting.mustCharacters"));
        }
        Meeting meeting = runnable(id);
        if (!meeting.startsAt.isAfter(OffsetDateTime.now())) {
            throw new ConflictException(Msg.of("fourlists.meeting.meetingHasBegunClose")).withReason(STARTED);
        }
        long split = em.createQuery("select (select count(t) from WishTask t where t.meetingId = ?1)"
                + " + (select count(p) from MicroProject p where p.meetingId = ?1) from Meeting m where m.id = ?1",
                Long.class).setParameter(1, meeting.id).getSingleResult();
        if (split > 0) {
            throw new ConflictException(Msg.of("fourlists.meeting.tasksProjectsWereSplit"))
                    .withReason(HAS_TASKS);
        }
        signUps.cancelAll(List.of(meeting.signUpListId));
        if (meeting.roomBookingId != null) {
            neighbours.releaseRoom(meeting.roomBookingId);
        }
        if (meeting.placeHoldId != null) {
            placeHolds.release(meeting.placeHoldId);
        }
        meeting.state = MeetingState.CANCELLED;
        meeting.cancelReason = reason.trim();
        audit.record(context.require(), "four-lists.meeting-cancelled", "meeting", meeting.id, Map.of());
        return meeting;
    }

    @Transactional
    public AgendaItem addAgendaItem(Long meetingId, NewAgendaItem input) {
        inputs.validate("input", input);
        Meeting meeting = runnable(meetingId);
        int refs = (input.wishId() == null ? 0 : 1) + (input.taskId() == null ? 0 : 1)
                + (input.projectId() == null ? 0 : 1);
        if (refs > 1) {
            throw ValidationFailedException.of("input", Msg.of("fourlists.meeting.refersMostOneWishid"));
        }
        if (input.wishId() != null) {
            wishes.visible(input.wishId());
        }
        if (input.taskId() != null) {
            lookup.require(WishTask.class, input.taskId(), Msg.of("fourlists.thing.task"));
        }
        if (input.projectId() != null) {
            lookup.require(MicroProject.class, input.projectId(), Msg.of("fourlists.thing.microProject"));
        }
        long items = em.createQuery("select count(a) from AgendaItem a where a.meetingId = ?1", Long.class)
                .setParameter(1, meeting.id).getSingleResult();
        if (items >= MAX_AGENDA) {
            throw new ConflictException(Msg.of("fourlists.meeting.meetingHasMostAgenda", MAX_AGENDA));
        }
        AgendaItem item = new AgendaItem();
        item.meetingId = meeting.id;
        item.position = (int) items + 1;
        item.title = input.title().trim();
        item.wishId = input.wishId();
        item.taskId = input.taskId();
        item.projectId = input.projectId();
        item.persist();
        return item;
    }

    /** A member registers; where the meeting names invitees, only those invited (NOT_INVITED). */
    @Transactional
    public SignUp register(Long meetingId) {
        Person me = ownRecord.require(Msg.of("fourlists.need.meetingsRegistered"));
        Meeting meeting = visible(meetingId);
        em.refresh(meeting, LockModeType.PESSIMISTIC_READ); // a cancellation waits, or is seen
        if (meeting.state != MeetingState.PLANNED) {
            throw new ConflictException(
                    Msg.of("fourlists.meeting.meeting", meeting.state)).withReason("MEETING_" + meeting.state);
        }
        if (!meeting.startsAt.isAfter(OffsetDateTime.now())) {
            throw new ConflictException(Msg.of("fourlists.meeting.meetingHasBegun")).withReason(STARTED);
        }
        if (!invited(meeting, me)) {
            throw new ForbiddenException(
                    Msg.of("fourlists.meeting.meetingInvitees",
                            String.join("、", meeting.invitees.stream().map(Invitee::name).toList())))
                    .withReason(NOT_INVITED);
        }
        return signUps.take(meeting.signUpListId, me.id);
    }

    private boolean invited(Meeting meeting, Person me) {
        if (meeting.invitees.isEmpty()) {
            return true;
        }
        Long building = me.building == null ? null : me.building.id;
        GridRef grid = null;
        if (building != null && meeting.invitees.stream().anyMatch(i -> i.gridId() != null)) {
            grid = neighbours.gridsOfBuildings(List.of(building)).get(building);
        }
        for (Invitee invitee : meeting.invitees) {
            if ((invitee.buildingId() != null && invitee.buildingId().equals(building))
                    || (invitee.gridId() != null && grid != null && grid.id() == invitee.gridId())
                    || (invitee.role() != null && caller.hasRole(invitee.role()))
                    || (invitee.unitId() != null && neighbours.isAppointedIn(invitee.unitId(), me.id))) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    public SignUp cancelRegistration(Long meetingId) {
        Person me = ownRecord.require(Msg.of("fourlists.need.registrationsCancelled"));
        Meeting meeting = visible(meetingId);
        SignUp signUp = signUps.active(meeting.signUpListId, me.id)
                .orElseThrow(() -> new NotFoundException(Msg.of("fourlists.thing.registrationMeeting"), meetingId));
        if (!meeting.startsAt.isAfter(OffsetDateTime.now())) {
            throw new ConflictException(Msg.of("fourlists.meeting.meetingHasBegun")).withReason(STARTED);
        }
        signUps.cancel(signUp, false);
        return signUp;
    }

    /** Marks registered people present (from half an hour before the start until the meeting is closed). */
    @Transactional
    public int recordAttendance(Long meetingId, List<Long> personIds) {
        Meeting meeting = runnable(meetingId);
        if (meeting.startsAt.minusMinutes(30).isAfter(OffsetDateTime.now())) {
            throw new ConflictException(Msg.of("fourlists.meeting.attendanceTakenFromHalf")).withReason(NOT_STARTED);
        }
        if (personIds.isEmpty() || personIds.size() > 2000) {
            throw ValidationFailedException.of("personIds", Msg.of("fourlists.meeting.namesPeople"));
        }
        Map<Long, SignUp> registered = new HashMap<>();
        // managed rows, not the read-only ones of SignUps.of: the check-ins set below are written
        em.createQuery("from SignUp where listId = ?1 and state = ?2", SignUp.class)
                .setParameter(1, meeting.signUpListId).setParameter(2, SignUpState.CONFIRMED).getResultList()
                .forEach(s -> registered.put(s.personId, s));
        List<Long> missing = personIds.stream().filter(p -> !registered.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw ValidationFailedException.of("personIds",
                    Msg.of("fourlists.meeting.notRegisteredCountThose", missing));
        }
        OffsetDateTime now = OffsetDateTime.now();
        int marked = 0;
        for (Long person : personIds) {
            SignUp signUp = registered.get(person);
            if (signUp.checkedInAt == null) {
                signUp.checkedInAt = now;
                marked++;
            }
        }
        return marked;
    }

    @Transactional
    public Resolution resolve(Long meetingId, NewResolution input) {
        inputs.validate("input", input);
        Meeting meeting = runnable(meetingId);
        if (meeting.startsAt.isAfter(OffsetDateTime.now())) {
            throw new ConflictException(
                    Msg.of("fourlists.meeting.resolutionsRecordedOnceMeeting")).withReason(NOT_STARTED);
        }
        int votes = (input.votesFor() == null ? 0 : 1) + (input.votesAgainst() == null ? 0 : 1)
                + (input.abstentions() == null ? 0 : 1);
        if (votes != 0 && votes != 3) {
            throw ValidationFailedException.of("input.votesFor",
                    Msg.of("fourlists.meeting.votesAgainstAbstentionsGiven"));
        }
        if (input.agendaItemId() != null) {
            AgendaItem item = AgendaItem.findById(input.agendaItemId());
            if (item == null || !item.meetingId.equals(meeting.id)) {
                throw new NotFoundException(Msg.of("fourlists.thing.agendaItemMeeting"), input.agendaItemId());
            }
        }
        if (Resolution.count("meetingId", meeting.id) >= MAX_RESOLUTIONS) {
            throw new ConflictException(Msg.of("fourlists.meeting.meetingHasMostResolutions", MAX_RESOLUTIONS));
        }
        Resolution resolution = new Resolution();
        resolution.meetingId = meeting.id;
        resolution.agendaItemId = input.agendaItemId();
        resolution.text = input.text().trim();
        resolution.votesFor = input.votesFor();
        resolution.votesAgainst = input.votesAgainst();
        resolution.abstentions = input.abstentions();
        resolution.adopted = input.adopted() != null ? input.adopted()
                : votes == 0 || input.votesFor() > input.votesAgainst();
        resolution.recordedAt = OffsetDateTime.now();
        resolution.persist();
        audit.record(context.require(), "four-lists.resolution", "meeting", meeting.id,
                Map.of("adopted", resolution.adopted));
        return resolution;
    }

    /** Closes a meeting that has begun, with its minutes: registered people not marked present become no-shows. */
    @Transactional
    public Meeting close(Long id, Closing input) {
        inputs.validate("input", input);
        Meeting meeting = runnable(id);
        if (meeting.startsAt.isAfter(OffsetDateTime.now())) {
            throw new ConflictException(Msg.of("fourlists.meeting.meetingClosedOnceHas")).withReason(NOT_STARTED);
        }
        meeting.attended = (int) signUps.of(List.of(meeting.signUpListId), List.of(SignUpState.CONFIRMED)).stream()
                .filter(s -> s.checkedInAt != null).count();
        signUps.end(List.of(meeting.signUpListId));
        meeting.minutes = input.minutes().trim();
        meeting.summary = input.summary() == null ? null : input.summary().trim();
        meeting.walkIns = input.walkIns() == null ? 0 : input.walkIns();
        meeting.state = MeetingState.CLOSED;
        meeting.closedAt = OffsetDateTime.now();
        audit.record(context.require(), "four-lists.meeting-closed", "meeting", meeting.id,
                Map.of("attended", meeting.attended));
        return meeting;
    }

    /** A planned meeting the caller runs, locked for the change. */
    private Meeting runnable(Long id) {
        Meeting meeting = visible(id);
        access.requireRunner(meeting);
        em.refresh(meeting, LockModeType.PESSIMISTIC_WRITE);
        if (meeting.state != MeetingState.PLANNED) {
            throw new ConflictException(
                    Msg.of("fourlists.meeting.meeting", meeting.state)).withReason("MEETING_" + meeting.state);
        }
        return meeting;
    }

    /** Meetings are seen by the members of the community. */
    public Meeting visible(Long id) {
        return lookup.require(Meeting.class, id, Msg.of("fourlists.thing.deliberationMeeting"));
    }

    public Connection<Meeting> list(Filter filter, PageRequest page) {
        context.require();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            where.add("e.state = :state");
            params.put("state", filter.state());
        }
        if (filter.kind() != null) {
            where.add("e.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.from() != null) {
            where.add("e.endsAt >= :from");
            params.put("from", filter.from());
        }
        return pagination.page(Meeting.class, where.isEmpty() ? null : String.join(" and ", where), params, page,
                m -> m);
    }

    public List<List<AgendaItem>> agendas(List<Long> meetingIds) {
        return lookup.grouped(em.createQuery("from AgendaItem where meetingId in ?1 order by position", AgendaItem.class),
                meetingIds, a -> a.meetingId);
    }

    public List<List<Resolution>> resolutions(List<Long> meetingIds) {
        return lookup.grouped(em.createQuery("from Resolution where meetingId in ?1 order by id", Resolution.class),
                meetingIds, r -> r.meetingId);
    }

    /** Places taken by registrations, per meeting (confirmed seats of its list); one statement. */
    public List<Integer> registered(List<Long> meetingIds) {
        Map<Long, Integer> confirmed = new HashMap<>();
        if (!meetingIds.isEmpty()) {
            em.createQuery("select m.id, l.confirmed from Meeting m, SignUpList l where l.id = m.signUpListId"
                    + " and m.id in ?1", Object[].class).setParameter(1, meetingIds.stream().distinct().toList())
                    .getResultList().forEach(r -> confirmed.put((Long) r[0], (Integer) r[1]));
        }
        return meetingIds.stream().map(id -> confirmed.getOrDefault(id, 0)).toList();
    }

    /** The caller's registration of each meeting that is not cancelled, if any; one statement. */
    public List<SignUp> mine(List<Long> meetingIds) {
        Optional<Person> me = ownRecord.find();
        Map<Long, SignUp> byMeeting = new HashMap<>();
        if (me.isPresent() && !meetingIds.isEmpty()) {
            em.createQuery("select m.id, s from Meeting m, SignUp s where s.listId = m.signUpListId and m.id in ?1"
                    + " and s.personId = ?2 and s.state in ?3", Object[].class)
                    .setParameter(1, meetingIds.stream().distinct().toList()).setParameter(2, me.get().id)
                    .setParameter(3, List.of(SignUpState.CONFIRMED, SignUpState.WAITING, SignUpState.OFFERED,
                            SignUpState.NO_SHOW))
                    .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList()
                    .forEach(r -> byMeeting.put((Long) r[0], (SignUp) r[1]));
        }
        return meetingIds.stream().map(byMeeting::get).toList();
    }
}
