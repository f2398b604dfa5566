package org.linqin.fourlists.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
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
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.fourlists.model.Claim;
import org.linqin.fourlists.model.Meeting;
import org.linqin.fourlists.model.MeetingState;
import org.linqin.fourlists.model.MicroProject;
import org.linqin.fourlists.model.Need;
import org.linqin.fourlists.model.ProjectState;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.Wish;
import org.linqin.fourlists.model.WishState;
import org.linqin.fourlists.service.FourListsInputs.NewClaim;
import org.linqin.fourlists.service.FourListsInputs.NewProject;

/**
 * The project claim list (项目认领清单): micro practical matters (微实事) proposed at a deliberation meeting, their
 * needs claimed in parts by several parties; a project starts when every need is covered, reports progress and is
 * completed. Claims never exceed a need: each takes the project row's lock.
 */
@ApplicationScoped
public class ProjectService {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String NOT_CLAIMABLE = "NOT_CLAIMABLE";
    public static final String OVER_CLAIMED = "OVER_CLAIMED";
    public static final String NOT_STARTED = "NOT_STARTED";

    public record Filter(ProjectState state, Long wishId) {
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
    FourListsAccess access;

    @Inject
    FourListsNeighbours neighbours;

    @Inject
    WishService wishes;

    @Inject
    EvaluationService evaluations;

    @Inject
    Timeline timeline;

    @Transactional
    public MicroProject propose(NewProject input) {
        inputs.validate("input", input);
        if (FourListsInputs.holdsNull(input.needs())) {
            throw ValidationFailedException.of("input.needs", Msg.of("fourlists.project.mayNotHoldNull"));
        }
        for (int i = 0; i < input.needs().size(); i++) {
            Need need = input.needs().get(i);
            if (need.kind() == null || need.quantity() < 1 || need.quantity() > 10_000_000
                    || (need.description() != null && need.description().length() > 200)) {
                throw ValidationFailedException.of("input.needs[" + i + "]",
                        Msg.of("fourlists.project.hasKindQuantityDescription"));
            }
        }
        Person me = ownRecord.require(Msg.of("fourlists.need.microProjectsProposed"));
        Meeting meeting = lookup.require(Meeting.class, input.meetingId(),
                Msg.of("fourlists.thing.deliberationMeeting"));
        access.requireRunner(meeting);
        em.refresh(meeting, LockModeType.PESSIMISTIC_READ); // a cancellation waits, or is seen
        if (meeting.state == MeetingState.CANCELLED) {
            throw new ConflictException(
                    Msg.of("fourlists.project.meetingWasCancelled")).withReason("MEETING_CANCELLED");
        }
        if (input.wishId() != null) {
            // carrying out a wish is the staff's decision, as splitting it into tasks is
            access.requireStaff(Msg.of("fourlists.need.microProjectsCarryOut"));
            Wish wish = wishes.visible(input.wishId());
            em.refresh(wish, LockModeType.PESSIMISTIC_WRITE);
            if (wish.state != WishState.ACCEPTED && wish.state != WishState.IN_PROGRESS) {
                throw new ConflictException(Msg.of("fourlists.project.projectsCarryOutAccepted", wish.state))
                        .withReason(TaskService.NOT_ACCEPTED);
            }
            if (wish.state == WishState.ACCEPTED) {
                wish.state = WishState.IN_PROGRESS;
                timeline.add(SubjectKind.WISH, wish.id, caller.actor(), wish.state, null,
                        "micro project proposed at meeting " + meeting.id);
            }
        }
        MicroProject project = new MicroProject();
        project.meetingId = meeting.id;
        project.wishId = input.wishId();
        project.title = input.title().trim();
        project.description = input.description();
        project.needs = new ArrayList<>(input.needs());
        project.state = ProjectState.PROPOSED;
        project.proposedByPersonId = me.id;
        project.createdAt = OffsetDateTime.now();
        project.persist();
        timeline.add(SubjectKind.PROJECT, project.id, caller.actor(), project.state, 0, "proposed");
        audit.record(context.require(), "four-lists.project-proposed", "project", project.id, Map.of());
        return project;
    }

    /** A party claims part of a need; the project starts when every need is covered. */
    @Transactional
    public Claim claim(Long projectId, NewClaim input) {
        inputs.validate("input", input);
        MicroProject project = visible(projectId);
        access.requireParty(input.party(), Msg.of("fourlists.need.projectsClaimed"));
        Person me = ownRecord.require(Msg.of("fourlists.need.projectsClaimed"));
        em.refresh(project, LockModeType.PESSIMISTIC_WRITE);
        if (project.state != ProjectState.PROPOSED) {
            throw new ConflictException(Msg.of("fourlists.project.projectClaimsMadeWhile", project.state))
                    .withReason(NOT_CLAIMABLE);
        }
        if (input.needIndex() >= project.needs.size()) {
            throw ValidationFailedException.of("input.needIndex",
                    Msg.of("fourlists.project.below", project.needs.size()));
        }
        String name;
        if (input.unitId() != null) {
            name = neighbours.requireUnit(input.unitId()).name();
        } else if (input.partyName() != null && !input.partyName().isBlank()) {
            name = input.partyName().trim();
        } else {
            throw ValidationFailedException.of("input.unitId", Msg.of("fourlists.project.giveUnitOrganisationModule"));
        }
        long[] claimed = claimed(List.of(project.id)).get(0);
        Need need = project.needs.get(input.needIndex());
        long left = need.quantity() - claimed[input.needIndex()];
        if (input.quantity() > left) {
            throw new ConflictException(
                    Msg.of("fourlists.project.onlyNeedLeftClaim",
                            left, input.needIndex(), need.kind())).withReason(OVER_CLAIMED);
        }
        Claim claim = new Claim();
        claim.projectId = project.id;
        claim.needIndex = input.needIndex();
        claim.party = input.party();
        claim.unitId = input.unitId();
        claim.partyName = name;
        claim.quantity = input.quantity();
        claim.commitment = input.commitment().trim();
        claim.claimedByPersonId = me.id;
        claim.claimedAt = OffsetDateTime.now();
        claim.persist();
        claimed[input.needIndex()] += input.quantity();
        timeline.add(SubjectKind.PROJECT, project.id, caller.actor(), project.state, null,
                name + " claimed " + input.quantity() + " of " + need.kind() + ": " + claim.commitment);
        boolean covered = true;
        for (int i = 0; i < project.needs.size(); i++) {
            covered &= claimed[i] >= project.needs.get(i).quantity();
        }
        if (covered) {
            project.state = ProjectState.STARTED;
            project.startedAt = claim.claimedAt;
            timeline.add(SubjectKind.PROJECT, project.id, "system (needs covered)", project.state, 0,
                    "every need is covered");
        }
        audit.record(context.require(), "four-lists.project-claimed", "project", project.id,
                Map.of("party", name, "quantity", input.quantity()));
        return claim;
    }

    /** The proposer or the staff report progress of a started project, or complete it (progress 100). */
    @Transactional
    public MicroProject progress(Long projectId, Integer progress, String note, boolean complete) {
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw ValidationFailedException.of("note", Msg.of("fourlists.project.mustCharacters"));
        }
        if (progress != null && (progress < 0 || progress > 100)) {
            throw ValidationFailedException.of("progress", Msg.of("fourlists.project.must"));
        }
        MicroProject project = lookup.require(MicroProject.class, projectId, Msg.of("fourlists.thing.microProject"));
        boolean proposer = ownRecord.find().map(p -> p.id.equals(project.proposedByPersonId)).orElse(false);
        if (!proposer && !access.isStaff()) {
            throw new ForbiddenException(Msg.of("fourlists.project.projectSProgressReported"));
        }
        em.refresh(project, LockModeType.PESSIMISTIC_WRITE);
        if (project.state != ProjectState.STARTED) {
            throw new ConflictException(Msg.of("fourlists.project.projectProgressReportedOnce", project.state))
                    .withReason(NOT_STARTED);
        }
        if (complete) {
            project.state = ProjectState.COMPLETED;
            project.progress = 100;
            project.completedAt = OffsetDateTime.now();
        } else if (progress != null) {
            project.progress = progress;
        }
        timeline.add(SubjectKind.PROJECT, project.id, caller.actor(), project.state, project.progress, note.trim());
        if (complete) {
            evaluations.openWhenDone(project.wishId, caller.actor());
        }
        return project;
    }

    /** Members see projects of the wishes they may see, and projects without a wish. */
    public MicroProject visible(Long id) {
        MicroProject project = lookup.require(MicroProject.class, id, Msg.of("fourlists.thing.microProject"));
        if (project.wishId != null && !access.maySee(em.find(Wish.class, project.wishId))) {
            throw new NotFoundException(Msg.of("fourlists.thing.microProject"), id);
        }
        return project;
    }

    /** Staff drop a proposed project whose needs will not be covered; its wish may then go to evaluation. */
    @Transactional
    public MicroProject cancel(Long id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw ValidationFailedException.of("reason", Msg.of("fourlists.project.mustCharacters"));
        }
        access.requireStaff(Msg.of("fourlists.need.microProjectsCancelled"));
        MicroProject project = visible(id);
        em.refresh(project, LockModeType.PESSIMISTIC_WRITE);
        if (project.state != ProjectState.PROPOSED) {
            throw new ConflictException(Msg.of("fourlists.project.projectOnlyProposedProjects", project.state))
                    .withReason(NOT_CLAIMABLE);
        }
        project.state = ProjectState.CANCELLED;
        timeline.add(SubjectKind.PROJECT, project.id, caller.actor(), project.state, project.progress, reason.trim());
        evaluations.openWhenDone(project.wishId, caller.actor());
        audit.record(context.require(), "four-lists.project-cancelled", "project", project.id, Map.of());
        return project;
    }

    public Connection<MicroProject> list(Filter filter, PageRequest page) {
        context.require();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            where.add("e.state = :state");
            params.put("state", filter.state());
        }
        if (filter.wishId() != null) {
            where.add("e.wishId = :wish");
            params.put("wish", filter.wishId());
        }
        if (!access.reads()) {
            where.add("(e.wishId is null or e.wishId in (select w.id from Wish w where " + access.wishVisibleTo("w")
                    + "))");
            params.put("me", ownRecord.find().map(p -> p.id).orElse(-1L));
        }
        return pagination.page(MicroProject.class, where.isEmpty() ? null : String.join(" and ", where), params, page,
                p -> p);
    }

    /** The quantity claimed of each need of each project, in the order of the ids; one statement. */
    public List<long[]> claimed(List<Long> projectIds) {
        Map<Long, Map<Integer, Long>> sums = new HashMap<>();
        if (!projectIds.isEmpty()) {
            em.createQuery("select c.projectId, c.needIndex, sum(c.quantity) from Claim c where c.projectId in ?1"
                    + " group by c.projectId, c.needIndex", Object[].class).setParameter(1, projectIds)
                    .getResultList().forEach(r -> sums.computeIfAbsent((Long) r[0], k -> new HashMap<>())
                            .put((Integer) r[1], ((Number) r[2]).longValue()));
        }
        return projectIds.stream().map(id -> {
            long[] claimed = new long[10];
            sums.getOrDefault(id, Map.of()).forEach((index, sum) -> claimed[index] = sum);
            return claimed;
        }).toList();
    }

    public List<List<Claim>> claims(List<Long> projectIds) {
        return lookup.grouped(em.createQuery("from Claim where projectId in ?1 order by id", Claim.class), projectIds,
                c -> c.projectId);
    }
}
