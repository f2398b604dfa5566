package org.linqin.volunteer.service;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleService;
import org.linqin.core.module.ModuleSettings;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpState;
import org.linqin.core.signup.SignUps;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.volunteer.VolunteerTeamModule;
import org.linqin.volunteer.model.Activity;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.Shift;
import org.linqin.volunteer.model.ShiftPosition;
import org.linqin.volunteer.model.ShiftState;
import org.linqin.volunteer.model.TeamMember;
import org.linqin.volunteer.service.SignUpRules.Limits;
import org.linqin.volunteer.service.SignUpRules.Refusal;
import org.linqin.volunteer.service.SignUpRules.Span;
import org.linqin.volunteer.service.VolunteerInputs.Finding;
import org.linqin.volunteer.service.VolunteerInputs.NewActivity;
import org.linqin.volunteer.service.VolunteerInputs.NewShift;
import org.linqin.volunteer.service.VolunteerInputs.PositionNeed;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Activities and their shifts: scheduling (with weekly repeats that skip closure dates), sign-ups through the
 * kernel's {@link SignUps} (so the last place is given once), cancellation, and check-in and check-out with the
 * code the shift leader shows.
 */
@ApplicationScoped
public class ShiftService {

    static final int MAX_SHIFTS_PER_REQUEST = 200;
    /** Wrong check-in codes a shift's current code survives. */
    static final int MAX_WRONG_CODES = 10;
    /** How early before the start a check-in code may be shown. */
    static final int CHECK_IN_OPENS_MINUTES = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CommunityContext context;

    @Inject
    CommunityDirectory directory;

    @Inject
    ModuleService modules;

    @Inject
    Lookup lookup;

    @Inject
    OwnRecord ownRecord;

    @Inject
    Caller caller;

    @Inject
    TeamAccess access;

    @Inject
    TeamService teams;

    @Inject
    SignUps signUps;

    @Inject
    Profiles profiles;

    @Inject
    HoursService hours;

    @Inject
    ShiftChanges changes;

    @Inject
    Neighbours neighbours;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Transactional
    public Activity createActivity(NewActivity input) {
        inputs.validate("input", input);
        teams.team(input.teamId());
        access.requireLeads(input.teamId(), Msg.of("volunteer.need.activitiesPlanned"));
        Activity activity = new Activity();
        activity.teamId = input.teamId();
        activity.title = input.title().strip();
        activity.kind = input.kind();
        activity.description = input.description();
        activity.createdAt = OffsetDateTime.now();
        activity.persist();
        audit.record(context.require(), "volunteer.activity-created", "volunteer-activity", activity.id,
                Map.of("team", activity.teamId));
        return activity;
    }

    public Activity activity(Long id) {
        return lookup.require(Activity.class, id, Msg.of("volunteer.thing.activity"));
    }

    /** Schedules a shift, or a weekly series of them (closure dates skipped), with their positions. */
    @Transactional
    public List<Shift> schedule(NewShift input) {
        inputs.validate("input", input);
        Activity activity = activity(input.activityId());
        access.requireLeads(activity.teamId, Msg.of("volunteer.need.shiftsScheduled"));
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ValidationFailedException.of("input.endsAt", Msg.of("volunteer.shift.mustAfterStartsat"));
        }
        if (input.endsAt().isAfter(input.startsAt().plusHours(24))) {
            throw ValidationFailedException.of("input.endsAt", Msg.of("volunteer.shift.mustMostHoursAfter"));
        }
        if (!input.endsAt().isAfter(OffsetDateTime.now())) {
            throw ValidationFailedException.of("input.endsAt", Msg.of("volunteer.shift.pastBackFillHours"));
        }
        if (input.buildingId() != null) {
            lookup.require(Building.class, input.buildingId(), Msg.of("core.thing.building"));
        }
        if (VolunteerInputs.holdsNull(input.positions()) || VolunteerInputs.holdsNull(input.requirements())
                || (input.repeat() != null && (VolunteerInputs.holdsNull(input.repeat().weekdays())
                        || VolunteerInputs.holdsNull(input.repeat().skipDates())))) {
            throw ValidationFailedException.of("input", Msg.of("volunteer.shift.listsMayNotHold"));
        }
        Set<String> names = new HashSet<>();
        for (PositionNeed position : input.positions()) {
            if (!names.add(position.name().strip())) {
                throw ValidationFailedException.of("input.positions",
                        Msg.of("volunteer.shift.nameAppearsTwice", position.name().strip()));
            }
        }
        ZoneId zone = directory.timeZone(context.require());
        List<OffsetDateTime> starts = occurrences(input, zone);
        String seriesId = starts.size() > 1 ? UUID.randomUUID().toString() : null;
        long minutes = ChronoUnit.MINUTES.between(input.startsAt(), input.endsAt());
        List<Shift> shifts = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (OffsetDateTime start : starts) {
            Shift shift = new Shift();
            shift.activityId = activity.id;
            shift.teamId = activity.teamId;
            shift.startsAt = start;
            shift.endsAt = start.plusMinutes(minutes);
            shift.placeName = input.placeName();
            shift.buildingId = input.buildingId();
            shift.gridId = input.gridId();
            shift.requirements = input.requirements() == null ? List.of() : List.copyOf(input.requirements());
            shift.selfSignUp = !Boolean.FALSE.equals(input.selfSignUp());
            shift.state = ShiftState.OPEN;
            shift.seriesId = seriesId;
            shift.createdAt = now;
            shift.persist();
            for (PositionNeed need : input.positions()) {
                ShiftPosition position = new ShiftPosition();
                position.shiftId = shift.id;
                position.name = need.name().strip();
                position.listId = signUps.open(need.needed(), Boolean.TRUE.equals(input.waitingList())).id;
                position.persist();
            }
            shifts.add(shift);
        }
        // one message for a series: subscribers reload the team's open shifts
        changes.publish(ShiftChanges.Kind.SCHEDULED, shifts.get(0).id, activity.teamId, List.of());
        audit.record(context.require(), "volunteer.shifts-scheduled", "volunteer-activity", activity.id,
                Map.of("shifts", shifts.size(), "series", seriesId == null ? "" : seriesId));
        return shifts;
    }

    /** The starts of the shifts a request makes: the first, then each repeat weekday until the end date. */
    static List<OffsetDateTime> occurrences(NewShift input, ZoneId zone) {
        if (input.repeat() == null) {
            return List.of(input.startsAt());
        }
        ZonedDateTime first = input.startsAt().atZoneSameInstant(zone);
        LocalDate until = input.repeat().until();
        if (until.isBefore(first.toLocalDate())) {
            throw ValidationFailedException.of("input.repeat.until", Msg.of("volunteer.shift.beforeFirstShift"));
        }
        Set<LocalDate> skip = input.repeat().skipDates() == null ? Set.of() : Set.copyOf(input.repeat().skipDates());
        Set<Integer> weekdays = Set.copyOf(input.repeat().weekdays());
        List<OffsetDateTime> starts = new ArrayList<>();
        for (LocalDate day = first.toLocalDate(); !day.isAfter(until); day = day.plusDays(1)) {
            if (weekdays.contains(day.getDayOfWeek().getValue()) && !skip.contains(day)) {
                starts.add(first.with(day).toOffsetDateTime());
                if (starts.size() > MAX_SHIFTS_PER_REQUEST) {
                    throw ValidationFailedException.of("input.repeat.until",
                            Msg.of("volunteer.shift.wouldMakeMoreThan", MAX_SHIFTS_PER_REQUEST));
                }
            }
        }
        if (starts.isEmpty()) {
            throw ValidationFailedException.of("input.repeat", Msg.of("volunteer.shift.leavesNoDayBetween"));
        }
        return starts;
    }

    public Shift shift(Long id) {
        return lookup.require(Shift.class, id, Msg.of("volunteer.thing.shift"));
    }

    /** Cancels a shift; its sign-ups are cancelled with it (not as late cancellations). */
    @Transactional
    public Shift cancelShift(Long shiftId, String reason) {
        Shift shift = shift(shiftId);
        access.requireLeads(shift.teamId, Msg.of("volunteer.need.shiftsCancelled"));
        if (shift.state == ShiftState.CANCELLED) {
            throw new ConflictException(Msg.of("volunteer.shift.shiftAlreadyCancelled"));
        }
        if (!OffsetDateTime.now().isBefore(shift.startsAt)) {
            throw ValidationFailedException.of("shiftId", Msg.of("volunteer.shift.shiftHasStartedAttendance"))
                    .withReason("STARTED");
        }
        if (reason != null && reason.length() > 500) {
            throw ValidationFailedException.of("reason", Msg.of("volunteer.shift.mustMostCharacters"));
        }
        shift.state = ShiftState.CANCELLED;
        int cancelled = signUps.cancelAll(listIds(List.of(shift.id)));
        // only members sign up, and members hear of their teams' cancellations
        changes.publish(ShiftChanges.Kind.CANCELLED, shift.id, shift.teamId, List.of());
        audit.record(context.require(), "volunteer.shift-cancelled", "volunteer-shift", shift.id,
                Map.of("reason", reason == null ? "" : reason, "signUpsCancelled", cancelled));
        return shift;
    }

    /** The caller signs up for a position of a shift (the only one when the shift has one). */
    @Transactional
    public SignUp signUp(Long shiftId, String positionName) {
        Person me = ownRecord.require(Msg.of("volunteer.need.shiftsTaken"));
        SignUp signUp = take(shift(shiftId), positionName, me.id, true);
        audit.record(context.require(), "volunteer.signed-up", "volunteer-shift", shiftId,
                Map.of("state", signUp.state.name()));
        return signUp;
    }

    /** A leader assigns a member to a position. */
    @Transactional
    public SignUp assign(Long shiftId, Long personId, String positionName) {
        Shift shift = shift(shiftId);
        access.requireLeads(shift.teamId, Msg.of("volunteer.need.membersAssignedShifts"));
        lookup.require(Person.class, personId, Msg.of("core.thing.person"));
        SignUp signUp = take(shift, positionName, personId, false);
        changes.publish(ShiftChanges.Kind.SIGN_UP_CHANGED, shift.id, shift.teamId, List.of(personId));
        audit.record(context.require(), "volunteer.assigned", "volunteer-shift", shiftId,
                Map.of("person", personId, "state", signUp.state.name()));
        return signUp;
    }

    private SignUp take(Shift shift, String positionName, Long personId, boolean selfService) {
        ShiftPosition position = position(shift, positionName);
        profiles.lock(personId);
        ModuleSettings settings = modules.settings(VolunteerTeamModule.ID);
        ZoneId zone = directory.timeZone(context.require());
        Span span = new Span(shift.startsAt, shift.endsAt);
        TeamMember member = TeamMember.<TeamMember> find("teamId = ?1 and personId = ?2 and state = ?3", shift.teamId,
                personId, MembershipState.ACTIVE).firstResult();
        Optional<Refusal> refusal = SignUpRules.check(span, shift.state == ShiftState.OPEN, shift.selfSignUp,
                selfService, member != null, member == null ? List.of() : member.skills, shift.requirements,
                heldShifts(personId, SignUpRules.weekOf(shift.startsAt, zone), shift.id),
                new Limits(settings.integer(VolunteerTeamModule.SIGN_UP_CLOSES_MINUTES),
                        settings.integer(VolunteerTeamModule.DAILY_HOURS_CAP),
                        settings.integer(VolunteerTeamModule.WEEKLY_HOURS_CAP), zone),
                selfService ? OffsetDateTime.now() : OffsetDateTime.MIN);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            if (r.reason().equals("NOT_MEMBER")) {
                throw new ForbiddenException(r.message()).withReason(r.reason());
            }
            if (r.reason().equals("OVERLAP")) {
                throw new ConflictException(r.message()).withReason(r.reason());
            }
            throw ValidationFailedException.of("shiftId", r.message()).withReason(r.reason());
        }
        if (signUps.active(listIds(List.of(shift.id)), personId).isPresent()) {
            throw new ConflictException(
                    Msg.of("volunteer.shift.alreadySignedUpShift")).withReason(SignUps.ALREADY_SIGNED_UP);
        }
        SignUp taken = signUps.take(position.listId, personId);
        // The list's lock is held now: a cancellation of the shift that raced this sign-up has committed, so read
        // the state again rather than trust the one read before.
        ShiftState now = em.createQuery("select s.state from Shift s where s.id = ?1", ShiftState.class)
                .setParameter(1, shift.id).getSingleResult();
        if (now != ShiftState.OPEN) {
            throw ValidationFailedException.of("shiftId",
                    Msg.of("volunteer.shift.shiftCancelled")).withReason("CLOSED");
        }
        return taken;
    }

    /** The person's other held shifts that could overlap or count towards the caps of the given week. */
    private List<Span> heldShifts(Long personId, Span week, Long exceptShift) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.starts_at, s.ends_at from sign_ups u"
                + " join volunteer_shift_positions p on p.list_id = u.list_id"
                + " join volunteer_shifts s on s.id = p.shift_id"
                + " where u.community_code = ?1 and u.person_id = ?2 and u.state in ('CONFIRMED', 'WAITING')"
                + " and s.state = 'OPEN' and s.id <> ?3 and s.starts_at < ?5 and s.ends_at > ?4")
                .setParameter(1, context.require()).setParameter(2, personId).setParameter(3, exceptShift)
                .setParameter(4, week.startsAt().minusHours(24)).setParameter(5, week.endsAt().plusHours(24))
                .getResultList();
        return rows.stream().map(r -> new Span(toOffset(r[0]), toOffset(r[1]))).toList();
    }

    /** The caller withdraws from a shift before it starts; after the cut-off it is recorded as late. */
    @Transactional
    public SignUp cancelSignUp(Long shiftId) {
        Shift shift = shift(shiftId);
        Person me = ownRecord.require(Msg.of("volunteer.need.shiftsTaken"));
        if (!OffsetDateTime.now().isBefore(shift.startsAt)) {
            throw ValidationFailedException.of("shiftId",
                    Msg.of("volunteer.shift.shiftHasStartedAsk")).withReason("TOO_LATE");
        }
        profiles.lock(me.id);
        SignUp signUp = signUps.active(listIds(List.of(shift.id)), me.id).orElseThrow(() -> new NotFoundException(
                Msg.of("volunteer.thing.yourSignUpShift"), shiftId));
        long cutoff = modules.settings(VolunteerTeamModule.ID).integer(VolunteerTeamModule.CANCEL_CUTOFF_MINUTES);
        boolean late = OffsetDateTime.now().isAfter(shift.startsAt.minusMinutes(cutoff));
        List<SignUp> promoted = signUps.cancel(signUp, late);
        if (!promoted.isEmpty()) {
            changes.publish(ShiftChanges.Kind.SIGN_UP_CHANGED, shift.id, shift.teamId,
                    promoted.stream().map(p -> p.personId).toList());
        }
        audit.record(context.require(), "volunteer.sign-up-cancelled", "volunteer-shift", shiftId,
                Map.of("late", late, "movedUp", promoted.stream().map(p -> p.personId).toList()));
        return signUp;
    }

    /** A fresh check-in code for the shift, shown by its leader; valid for the community's set minutes. */
    @Transactional
    public Shift newCheckCode(Long shiftId) {
        Shift shift = shift(shiftId);
        access.requireLeads(shift.teamId, Msg.of("volunteer.need.checkCodesShown"));
        OffsetDateTime now = OffsetDateTime.now();
        if (shift.state != ShiftState.OPEN || now.isBefore(shift.startsAt.minusMinutes(CHECK_IN_OPENS_MINUTES))
                || !now.isBefore(shift.endsAt)) {
            throw ValidationFailedException.of("shiftId",
                    Msg.of("volunteer.shift.codesShownFromMinutes",
                            CHECK_IN_OPENS_MINUTES)).withReason("OUTSIDE_WINDOW");
        }
        shift.checkCode = String.format("%06d", RANDOM.nextInt(1_000_000));
        shift.checkCodeFailures = 0;
        shift.checkCodeExpiresAt = now.plusMinutes(
                modules.settings(VolunteerTeamModule.ID).integer(VolunteerTeamModule.CHECK_CODE_MINUTES));
        audit.record(context.require(), "volunteer.check-code-shown", "volunteer-shift", shift.id, Map.of());
        return shift;
    }

    /** The caller checks in (or, when checked in, out) with the code their leader shows. */
    @Transactional
    public SignUp checkWithCode(Long shiftId, String code, boolean out) {
        Shift shift = shift(shiftId);
        Person me = ownRecord.require(Msg.of("volunteer.need.shiftsChecked"));
        OffsetDateTime now = OffsetDateTime.now();
        if (shift.checkCode == null || code == null || !constantTimeEquals(shift.checkCode, code.strip())
                || !now.isBefore(shift.checkCodeExpiresAt)) {
            if (shift.checkCode != null) {
                countWrongCode(shift.id);
            }
            throw ValidationFailedException.of("code", Msg.of("volunteer.shift.notShiftSCurrent", MAX_WRONG_CODES))
                    .withReason("BAD_CODE");
        }
        return check(shift, me.id, out, now);
    }

    /** A leader checks a member in or out. */
    @Transactional
    public SignUp checkMember(Long shiftId, Long personId, boolean out) {
        Shift shift = shift(shiftId);
        access.requireLeads(shift.teamId, Msg.of("volunteer.need.membersChecked"));
        OffsetDateTime now = OffsetDateTime.now();
        if (now.isBefore(shift.startsAt.minusMinutes(CHECK_IN_OPENS_MINUTES))) {
            throw ValidationFailedException.of("shiftId",
                    Msg.of("volunteer.shift.checkOpensMinutesBefore",
                            CHECK_IN_OPENS_MINUTES)).withReason("OUTSIDE_WINDOW");
        }
        return check(shift, personId, out, now.isAfter(shift.endsAt) ? shift.endsAt : now);
    }

    private SignUp check(Shift shift, Long personId, boolean out, OffsetDateTime at) {
        SignUp signUp = SignUp.<SignUp> find("listId in ?1 and personId = ?2 and state = ?3",
                listIds(List.of(shift.id)), personId, SignUpState.CONFIRMED).firstResult();
        if (signUp == null) {
            throw new NotFoundException(Msg.of("volunteer.thing.confirmedPlaceShift"), shift.id);
        }
        if (!out) {
            if (signUp.checkedInAt != null) {
                throw new ConflictException(
                        Msg.of("volunteer.shift.alreadyChecked", signUp.checkedInAt)).withReason("ALREADY_CHECKED_IN");
            }
            signUp.checkedInAt = at;
            audit.record(context.require(), "volunteer.checked-in", "volunteer-shift", shift.id,
                    Map.of("person", personId));
        } else {
            if (signUp.checkedInAt == null) {
                throw new ConflictException(Msg.of("volunteer.shift.checkFirst")).withReason("NOT_CHECKED_IN");
            }
            if (signUp.checkedOutAt != null) {
                throw new ConflictException(Msg.of("volunteer.shift.alreadyCheckedOut", signUp.checkedOutAt))
                        .withReason("ALREADY_CHECKED_OUT");
            }
            signUp.checkedOutAt = at.isBefore(signUp.checkedInAt) ? signUp.checkedInAt : at;
            hours.recordVerified(shift, signUp, caller.actor());
            audit.record(context.require(), "volunteer.checked-out", "volunteer-shift", shift.id,
                    Map.of("person", personId));
        }
        return signUp;
    }

    /**
     * Someone on the shift (a confirmed place) or its leader hands a finding to the grid module as an incident,
     * pre-filled with the shift's building and place, reported by the caller. MODULE_DISABLED where the grid module
     * is off. @return the incident's id
     */
    @Transactional
    public long reportFinding(Long shiftId, Finding input) {
        inputs.validate("input", input);
        if (VolunteerInputs.holdsNull(input.photoUrls())) {
            throw ValidationFailedException.of("input.photoUrls", Msg.of("volunteer.shift.mayNotHoldNull"));
        }
        Shift shift = shift(shiftId);
        Person me = ownRecord.require(Msg.of("volunteer.need.findingsReported"));
        boolean onShift = signUps.active(listIds(List.of(shift.id)), me.id).map(SignUp::holdsPlace).orElse(false);
        if (!onShift && !access.leads(shift.teamId)) {
            throw new ForbiddenException(Msg.of("volunteer.shift.findingsShiftReportedThose"));
        }
        Activity activity = activity(shift.activityId);
        ZoneId zone = directory.timeZone(context.require());
        String where = shift.placeName == null ? "" : "，" + shift.placeName;
        String text = "[" + activity.title + " " + shift.startsAt.atZoneSameInstant(zone).toLocalDate() + where + "] "
                + input.description().strip();
        long incident = neighbours.reportIncident(input.category(), text, shift.buildingId,
                input.photoUrls() == null ? List.of() : input.photoUrls());
        audit.record(context.require(), "volunteer.finding-reported", "volunteer-shift", shift.id,
                Map.of("incident", incident));
        return incident;
    }

    /** Whether a change concerns the person: a shift of a team they are in, or their own sign-up. */
    public boolean concerns(ShiftChanges.Change change, String subject) {
        Person person = Person.findBySubject(subject);
        if (person == null) {
            return false;
        }
        return change.people().contains(person.id) || TeamMember.count("teamId = ?1 and personId = ?2 and state = ?3",
                change.teamId(), person.id, MembershipState.ACTIVE) > 0;
    }

    /** Open shifts starting in [from, to), optionally of one team, building or grid, by id. */
    public Connection<Shift> openShifts(OffsetDateTime from, OffsetDateTime to, Long teamId, Long buildingId,
            Long gridId, PageRequest page) {
        if (!to.isAfter(from) || to.isAfter(from.plusDays(92))) {
            throw ValidationFailedException.of("to", Msg.of("volunteer.shift.mustAfterFromMost"));
        }
        StringBuilder where = new StringBuilder("e.state = :open and e.startsAt >= :from and e.startsAt < :to");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("open", ShiftState.OPEN, "from", from, "to", to));
        if (teamId != null) {
            where.append(" and e.teamId = :team");
            params.put("team", teamId);
        }
        if (buildingId != null) {
            where.append(" and e.buildingId = :building");
            params.put("building", buildingId);
        }
        if (gridId != null) {
            where.append(" and e.gridId = :grid");
            params.put("grid", gridId);
        }
        return pagination.page(Shift.class, where.toString(), params, page, s -> s);
    }

    /** The caller's sign-ups (held, cancelled, no-show), newest first by id. */
    public Connection<SignUp> mySignUps(PageRequest page) {
        Person me = ownRecord.require(Msg.of("volunteer.need.shiftsTaken"));
        return pagination.page(SignUp.class, "e.personId = :me and e.listId in (select p.listId from ShiftPosition p)",
                Map.of("me", me.id), page, s -> s);
    }

    /** The positions of several shifts, in one statement. */
    public List<ShiftPosition> positions(Collection<Long> shiftIds) {
        if (shiftIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from ShiftPosition where shiftId in ?1 order by id", ShiftPosition.class)
                .setParameter(1, shiftIds).getResultList();
    }

    /** The shift a sign-up belongs to, for several sign-ups in one statement: list id → shift. */
    public Map<Long, Shift> shiftsOfLists(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select p.listId, s from ShiftPosition p, Shift s where s.id = p.shiftId "
                + "and p.listId in ?1", Object[].class).setParameter(1, listIds).getResultList();
        Map<Long, Shift> shifts = new java.util.HashMap<>();
        rows.forEach(r -> shifts.put((Long) r[0], (Shift) r[1]));
        return shifts;
    }

    /** The roster: sign-ups of the shift (all states) — for its team's leaders and members. */
    public List<SignUp> roster(Long shiftId) {
        Shift shift = shift(shiftId);
        if (!access.leads(shift.teamId) && !access.isActiveMember(shift.teamId)) {
            throw new ForbiddenException(Msg.of("volunteer.shift.rosterShownTeamS"));
        }
        return signUps.of(listIds(List.of(shift.id)), List.of(SignUpState.values()));
    }


    private List<Long> listIds(Collection<Long> shiftIds) {
        return positions(shiftIds).stream().map(p -> p.listId).toList();
    }

    private ShiftPosition position(Shift shift, String name) {
        List<ShiftPosition> positions = positions(List.of(shift.id));
        if (name == null) {
            if (positions.size() == 1) {
                return positions.get(0);
            }
            throw ValidationFailedException.of("position",
                    Msg.of("volunteer.shift.requiredShiftHasPositions", positions.stream().map(p -> p.name).toList()));
        }
        return positions.stream().filter(p -> p.name.equals(name.strip())).findFirst()
                .orElseThrow(() -> ValidationFailedException.of("position",
                        Msg.of("volunteer.shift.notPositionShiftHas",
                                name, positions.stream().map(p -> p.name).toList())));
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * Counts a wrong code in a transaction of its own (the request's is rolled back by the refusal); the code stops
     * working at {@link #MAX_WRONG_CODES}, so its million values cannot be tried within its minutes.
     */
    private void countWrongCode(Long shiftId) {
        String community = context.require();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update volunteer_shifts set"
                + " check_code_failures = check_code_failures + 1, version = version + 1, check_code = case when"
                + " check_code_failures + 1 >= ?3 then null else check_code end where id = ?1 and community_code = ?2")
                .setParameter(1, shiftId).setParameter(2, community).setParameter(3, MAX_WRONG_CODES).executeUpdate());
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(), b.getBytes());
    }
}
