package org.linqin.fourlists.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleService;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.fourlists.FourListsModule;
import org.linqin.fourlists.model.Evaluation;
import org.linqin.fourlists.model.ProjectState;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.TaskState;
import org.linqin.fourlists.model.Wish;
import org.linqin.fourlists.model.WishState;

/**
 * The evaluation list (效果评估清单): when every task and project of a wish is finished, the residents of its scope
 * rate it, 1 to 5, once each, during the evaluation window; when the window closes the result is published with the
 * wish: achieved with an average of 3.5 or more.
 */
@ApplicationScoped
public class EvaluationService {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String NOT_EVALUATING = "NOT_EVALUATING";
    public static final String ALREADY_EVALUATED = "ALREADY_EVALUATED";
    static final BigDecimal ACHIEVED_FROM = new BigDecimal("3.5");
    static final String SYSTEM = "system (evaluation window)";

    @Inject
    CommunityContext context;

    @Inject
    OwnRecord ownRecord;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ModuleService modules;

    @Inject
    Scopes scopes;

    @Inject
    Timeline timeline;

    @Inject
    WishService wishes;

    /**
     * Opens the evaluation of a wish in progress once none of its tasks and projects is still open and at least one
     * is done. Runs in the caller's transaction.
     */
    public void openWhenDone(Long wishId, String actor) {
        if (wishId == null) {
            return;
        }
        Wish wish = em.find(Wish.class, wishId, LockModeType.PESSIMISTIC_WRITE);
        if (wish == null || wish.state != WishState.IN_PROGRESS) {
            return;
        }
        Object[] counts = em.createQuery("select"
                + " (select count(t) from WishTask t where t.wishId = ?1 and t.state in ?2)"
                + " + (select count(p) from MicroProject p where p.wishId = ?1 and p.state in ?3),"
                + " (select count(t) from WishTask t where t.wishId = ?1 and t.state = ?4)"
                + " + (select count(p) from MicroProject p where p.wishId = ?1 and p.state = ?5)"
                + " from Wish w where w.id = ?1", Object[].class).setParameter(1, wishId)
                .setParameter(2, List.of(TaskState.OPEN, TaskState.IN_PROGRESS))
                .setParameter(3, List.of(ProjectState.PROPOSED, ProjectState.STARTED))
                .setParameter(4, TaskState.DONE).setParameter(5, ProjectState.COMPLETED).getSingleResult();
        if (((Number) counts[0]).longValue() > 0 || ((Number) counts[1]).longValue() == 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        wish.state = WishState.EVALUATING;
        wish.evaluationOpensAt = now;
        wish.evaluationClosesAt = now.plusDays(modules.settings(FourListsModule.ID)
                .integer(FourListsModule.EVALUATION_DAYS));
        timeline.add(SubjectKind.WISH, wish.id, actor, wish.state, null,
                "all tasks and projects finished; residents rate it until " + wish.evaluationClosesAt);
    }

    @Transactional
    public Evaluation evaluate(Long wishId, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw ValidationFailedException.of("rating", Msg.of("fourlists.evaluation.must"));
        }
        if (comment != null && comment.length() > 2000) {
            throw ValidationFailedException.of("comment", Msg.of("fourlists.evaluation.mustMostCharacters"));
        }
        Person me = ownRecord.require(Msg.of("fourlists.need.wishesEvaluated"));
        Wish wish = wishes.visible(wishId);
        em.refresh(wish, LockModeType.PESSIMISTIC_WRITE);
        if (wish.state != WishState.EVALUATING || !OffsetDateTime.now().isBefore(wish.evaluationClosesAt)) {
            throw new ConflictException(Msg.of("fourlists.evaluation.wishNotBeingEvaluated", wish.state))
                    .withReason(NOT_EVALUATING);
        }
        if (!scopes.livesIn(me, wish.scopeKind, wish.scopeId)) {
            throw new ForbiddenException(Msg.of("fourlists.evaluation.wishEvaluatedResidentsScope", wish.scopeName))
                    .withReason(WishService.NOT_IN_SCOPE);
        }
        if (Evaluation.count("wishId = ?1 and personId = ?2", wish.id, me.id) > 0) {
            throw new ConflictException(
                    Msg.of("fourlists.evaluation.youEvaluatedWishAlready")).withReason(ALREADY_EVALUATED);
        }
        Evaluation evaluation = new Evaluation();
        evaluation.wishId = wish.id;
        evaluation.personId = me.id;
        evaluation.rating = rating;
        evaluation.comment = comment == null || comment.isBlank() ? null : comment.trim();
        evaluation.createdAt = OffsetDateTime.now();
        evaluation.persist();
        wish.ratings++;
        return evaluation;
    }

    /**
     * Publishes the result of each wish whose window has closed: average and verdict. Each wish row is taken with
     * SKIP LOCKED, so replicas running this at once share the wishes rather than judging one twice.
     */
    public int closeDue(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("select id from fl_wishes where community_code = ?1 and state ="
                + " 'EVALUATING' and evaluation_closes_at <= ?2 order by id limit 200 for update skip locked")
                .setParameter(1, context.require()).setParameter(2, now).getResultList();
        for (Number id : due) {
            Wish wish = em.find(Wish.class, id.longValue());
            Object[] result = em.createQuery("select count(e), avg(e.rating) from Evaluation e where e.wishId = ?1",
                    Object[].class).setParameter(1, wish.id).getSingleResult();
            long ratings = ((Number) result[0]).longValue();
            wish.ratings = (int) ratings;
            wish.ratingAverage = ratings == 0 ? null
                    : BigDecimal.valueOf(((Number) result[1]).doubleValue()).setScale(2, RoundingMode.HALF_UP);
            wish.state = wish.ratingAverage != null && wish.ratingAverage.compareTo(ACHIEVED_FROM) >= 0
                    ? WishState.ACHIEVED : WishState.NOT_ACHIEVED;
            wish.closedAt = now;
            timeline.add(SubjectKind.WISH, wish.id, SYSTEM, wish.state, null, ratings == 0 ? "no ratings"
                    : ratings + " ratings, average " + wish.ratingAverage);
            audit.record(context.require(), "four-lists.wish-evaluated", "wish", wish.id,
                    Map.of("state", wish.state.name(), "ratings", ratings));
        }
        return due.size();
    }
}
