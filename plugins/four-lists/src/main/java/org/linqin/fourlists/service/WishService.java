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
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.fourlists.model.ScopeKind;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.Wish;
import org.linqin.fourlists.model.WishSource;
import org.linqin.fourlists.model.WishState;
import org.linqin.fourlists.model.WishSupport;
import org.linqin.fourlists.service.FourListsInputs.Answer;
import org.linqin.fourlists.service.FourListsInputs.NewWish;

/**
 * The wish list (愿景清单): residents' wishes with their scope and source, supports by the residents of the scope,
 * similar open wishes found when submitting, and the staff's answer.
 */
@ApplicationScoped
public class WishService {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String NOT_IN_SCOPE = "NOT_IN_SCOPE";
    public static final String ALREADY_SUPPORTED = "ALREADY_SUPPORTED";
    public static final String NOT_OPEN = "NOT_OPEN";

    /** Open wishes: still to be answered or being carried out. */
    static final List<WishState> OPEN = List.of(WishState.SUBMITTED, WishState.ACCEPTED, WishState.IN_PROGRESS);
    static final String URL = "https?://\\S{1,990}";

    /** A submitted wish and the open wishes that look like it (most alike first). */
    public record Submission(Wish wish, List<Wish> similar) {
    }

    public record Filter(WishState state, ScopeKind scopeKind, Long scopeId, boolean mine) {
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
    Pagination pagination;

    @Inject
    FourListsAccess access;

    @Inject
    FourListsNeighbours neighbours;

    @Inject
    Scopes scopes;

    @Inject
    Timeline timeline;

    @Transactional
    public Submission submit(NewWish input) {
        inputs.validate("input", input);
        if (FourListsInputs.holdsNull(input.photoUrls())
                || (input.photoUrls() != null && input.photoUrls().stream().anyMatch(u -> !u.matches(URL)))) {
            throw ValidationFailedException.of("input.photoUrls", Msg.of("fourlists.wish.mustHttpSUrls"));
        }
        Person me = ownRecord.require(Msg.of("fourlists.need.wishesSubmitted"));
        String scopeName = scopes.name(input.scopeKind(), input.scopeId(), "input.scopeId");
        WishSource source = input.source() == null ? WishSource.RESIDENT : input.source();
        checkSource(source, input.sourceRef(), me);
        if (source == WishSource.RESIDENT && !access.reads()
                && !scopes.livesIn(me, input.scopeKind(), input.scopeId())) {
            throw new ForbiddenException(
                    Msg.of("fourlists.wish.residentSubmitsWishesBuilding")).withReason(NOT_IN_SCOPE);
        }
        Wish wish = new Wish();
        wish.title = input.title().trim();
        wish.body = input.body().trim();
        wish.matchText = WishMatchText.of(wish.title + " " + wish.body);
        wish.photoUrls = input.photoUrls() == null ? new ArrayList<>() : new ArrayList<>(input.photoUrls());
        wish.scopeKind = input.scopeKind();
        wish.scopeId = input.scopeId();
        wish.scopeName = scopeName;
        wish.source = source;
        wish.sourceRef = input.sourceRef();
        wish.authorPersonId = me.id;
        wish.isPublic = input.isPublic() == null || input.isPublic();
        wish.state = WishState.SUBMITTED;
        wish.createdAt = OffsetDateTime.now();
        wish.persist();
        timeline.add(SubjectKind.WISH, wish.id, caller.actor(), wish.state, null, "submitted");
        audit.record(context.require(), "four-lists.wish-submitted", "wish", wish.id, Map.of("scope", scopeName));
        return new Submission(wish, similarTo(wish.matchText, wish.id));
    }

    private void checkSource(WishSource source, Long ref, Person me) {
        switch (source) {
            case RESIDENT -> {
                if (ref != null) {
                    throw ValidationFailedException.of("input.sourceRef", Msg.of("fourlists.wish.givenOnlyGridTeam"));
                }
            }
            case GRID_TEAM -> {
                if (ref == null) {
                    throw ValidationFailedException.of("input.sourceRef", Msg.of("fourlists.wish.namesVolunteerTeam"));
                }
                neighbours.requireTeam(ref);
                if (!access.reads() && !neighbours.isTeamMember(ref, me.id)) {
                    throw new ForbiddenException(Msg.of("fourlists.wish.wishesCollectedTeamSubmitted"));
                }
            }
            case HOUSEHOLD_VISIT -> {
                if (ref == null) {
                    throw ValidationFailedException.of("input.sourceRef", Msg.of("fourlists.wish.namesHouseholdVisit"));
                }
                neighbours.requireVisit(ref);
                if (!access.reads()) {
                    throw new ForbiddenException(Msg.of("fourlists.wish.wishesFromHouseholdVisits"));
                }
            }
        }
    }

    /** Open wishes the caller may see that look like the text, most alike first (at most five). */
    public List<Wish> similar(String text, Long except) {
        if (text == null || text.isBlank() || text.length() > 4200) {
            throw ValidationFailedException.of("text", Msg.of("fourlists.wish.mustCharacters"));
        }
        return similarTo(WishMatchText.of(text), except);
    }

    private List<Wish> similarTo(String probe, Long except) {
        if (probe.isEmpty()) {
            return List.of();
        }
        Long me = ownRecord.find().map(p -> p.id).orElse(-1L);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from fl_wishes where community_code = ?1 and state in"
                + " ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS') and id <> ?2 and (public or ?3 or author_person_id = ?4)"
                + " and similarity(match_text, ?5) >= ?6 order by similarity(match_text, ?5) desc, id limit 5")
                .setParameter(1, context.require()).setParameter(2, except == null ? -1L : except)
                .setParameter(3, access.reads()).setParameter(4, me).setParameter(5, probe)
                .setParameter(6, WishMatchText.ALIKE_FROM).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Wish> byId = new HashMap<>();
        Wish.<Wish> list("id in ?1", ids.stream().map(Number::longValue).toList()).forEach(w -> byId.put(w.id, w));
        return ids.stream().map(id -> byId.get(id.longValue())).toList();
    }

    /** A resident of the wish's scope supports it, once; open wishes only. */
    @Transactional
    public Wish support(Long id) {
        Person me = ownRecord.require(Msg.of("fourlists.need.wishesSupported"));
        Wish wish = visible(id);
        em.refresh(wish, LockModeType.PESSIMISTIC_WRITE);
        if (!OPEN.contains(wish.state)) {
            throw new ConflictException(Msg.of("fourlists.wish.wishOnlyOpenWishes", wish.state))
                    .withReason(NOT_OPEN);
        }
        if (!scopes.livesIn(me, wish.scopeKind, wish.scopeId)) {
            throw new ForbiddenException(Msg.of("fourlists.wish.wishesSupportedResidentsTheir", wish.scopeName))
                    .withReason(NOT_IN_SCOPE);
        }
        if (WishSupport.count("wishId = ?1 and personId = ?2", wish.id, me.id) > 0) {
            throw new ConflictException(Msg.of("fourlists.wish.youSupportWishAlready")).withReason(ALREADY_SUPPORTED);
        }
        WishSupport support = new WishSupport();
        support.wishId = wish.id;
        support.personId = me.id;
        support.createdAt = OffsetDateTime.now();
        support.persist();
        wish.supports++;
        return wish;
    }

    /** The staff's answer: accepted for the task list, merged into another open wish, or declined with a reason. */
    @Transactional
    public Wish answer(Long id, Answer input) {
        access.requireStaff(Msg.of("fourlists.need.wishesAnswered"));
        inputs.validate("input", input);
        Wish wish = visible(id);
        em.refresh(wish, LockModeType.PESSIMISTIC_WRITE);
        if (wish.state != WishState.SUBMITTED) {
            throw new ConflictException(
                    Msg.of("fourlists.wish.wishWasAnsweredAlready", wish.state)).withReason(NOT_OPEN);
        }
        String text = input.text() == null || input.text().isBlank() ? null : input.text().trim();
        OffsetDateTime now = OffsetDateTime.now();
        switch (input.decision()) {
            case ACCEPT -> wish.state = WishState.ACCEPTED;
            case DECLINE -> {
                if (text == null) {
                    throw ValidationFailedException.of("input.text", Msg.of("fourlists.wish.givesReasonDecline"));
                }
                wish.state = WishState.DECLINED;
                wish.closedAt = now;
            }
            case MERGE -> {
                if (input.mergeIntoId() == null || input.mergeIntoId().equals(wish.id)) {
                    throw ValidationFailedException.of("input.mergeIntoId", Msg.of("fourlists.wish.namesAnotherWish"));
                }
                Wish target = visible(input.mergeIntoId());
                em.refresh(target, LockModeType.PESSIMISTIC_WRITE);
                if (!OPEN.contains(target.state)) {
                    throw new ConflictException(Msg.of("fourlists.wish.wishesMergedIntoOpen", target.state))
                            .withReason(NOT_OPEN);
                }
                wish.state = WishState.MERGED;
                wish.mergedIntoId = target.id;
                wish.closedAt = now;
                timeline.add(SubjectKind.WISH, target.id, caller.actor(), target.state, null,
                        "wish " + wish.id + " merged into it");
            }
        }
        wish.answer = text;
        wish.answeredAt = now;
        timeline.add(SubjectKind.WISH, wish.id, caller.actor(), wish.state, null, text);
        audit.record(context.require(), "four-lists.wish-answered", "wish", wish.id,
                Map.of("decision", input.decision().name()));
        return wish;
    }

    /** The wish if the caller may see it; else NOT_FOUND, as if it did not exist. */
    public Wish visible(Long id) {
        context.require();
        Wish wish = id == null ? null : Wish.findById(id);
        if (wish == null || !access.maySee(wish)) {
            throw new NotFoundException(Msg.of("fourlists.thing.wish"), id);
        }
        return wish;
    }

    public Connection<Wish> list(Filter filter, PageRequest page) {
        context.require();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Long me = ownRecord.find().map(p -> p.id).orElse(-1L);
        if (!access.reads()) {
            where.add(access.wishVisibleTo("e"));
            params.put("me", me);
        }
        if (filter.mine()) {
            where.add("e.authorPersonId = :author");
            params.put("author", me);
        }
        if (filter.state() != null) {
            where.add("e.state = :state");
            params.put("state", filter.state());
        }
        if (filter.scopeKind() != null) {
            where.add("e.scopeKind = :kind");
            params.put("kind", filter.scopeKind());
        }
        if (filter.scopeId() != null) {
            where.add("e.scopeId = :scope");
            params.put("scope", filter.scopeId());
        }
        return pagination.page(Wish.class, where.isEmpty() ? null : String.join(" and ", where), params, page, w -> w);
    }
}
