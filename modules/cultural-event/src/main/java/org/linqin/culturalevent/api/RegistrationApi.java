package org.linqin.culturalevent.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.Edge;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.people.service.PersonNames;
import org.linqin.core.signup.SignUp;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.culturalevent.api.EventViews.LiveView;
import org.linqin.culturalevent.api.EventViews.RegistrationView;
import org.linqin.culturalevent.api.EventViews.SubEventView;
import org.linqin.culturalevent.model.Registration;
import org.linqin.culturalevent.model.RegistrationState;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.service.EventChanges;
import org.linqin.culturalevent.service.EventInputs.NewRegistration;
import org.linqin.culturalevent.service.EventService;
import org.linqin.culturalevent.service.LiveFigures;
import org.linqin.culturalevent.service.RegistrationService;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@GraphQLApi
@ModuleGuarded
public class RegistrationApi {

    @Inject
    RegistrationService registrations;

    @Inject
    EventService events;

    @Inject
    PersonNames personNames;

    @Inject
    EventChanges changes;

    @Inject
    LiveFigures live;

    @Inject
    CommunityContext context;

    @Inject
    CommunityScope scope;

    @Mutation
    @Authenticated
    @Description("Registers the caller (a person of the community) for a sub-event with a ticket kind, a party and "
            + "answers. CONFIRMED when places are free, WAITING behind those already waiting when full (or CONFLICT "
            + "reason FULL without a waiting list), PENDING where the event requires approval. CONFLICT reasons: "
            + "NOT_OPEN, TOO_LATE, ALREADY_REGISTERED, EVENT_<state>. Module cultural-event. 活动报名")
    public RegistrationView registerForCulturalEvent(@NonNull NewRegistration input) {
        return RegistrationView.of(registrations.register(input));
    }

    @Mutation
    @Authenticated
    @Description("Withdraws a registration before the sub-event starts (the registrant or an organiser); a freed place "
            + "is offered to the next in line for the `offer-hours` setting. Module cultural-event. 取消报名")
    public RegistrationView cancelCulturalEventRegistration(@NonNull @Id @Description("The registration.") Long id) {
        return RegistrationView.of(registrations.cancel(id));
    }

    @Mutation
    @Authenticated
    @Description("Accepts a place offered from the waiting list before it expires (CONFLICT reason OFFER_EXPIRED "
            + "after). The registrant. Module cultural-event. 确认递补")
    public RegistrationView acceptCulturalEventOffer(@NonNull @Id @Description("The registration.") Long id) {
        return RegistrationView.of(registrations.acceptOffer(id));
    }

    @Mutation
    @Authenticated
    @Description("Approves a PENDING registration (it takes places, or waits) or declines it with a reason; "
            + "organisers; audited. Module cultural-event. 审核报名")
    public RegistrationView decideCulturalEventRegistration(@NonNull @Id @Description("The registration.") Long id,
            @NonNull @Description("Approve (true) or decline. 通过") Boolean approve,
            @Description("Reason, required to decline, at most 500 characters. 意见") String reason) {
        return RegistrationView.of(registrations.decide(id, approve, reason));
    }

    @Query
    @Authenticated
    @Description("The caller's registrations, all states, with their place in line when waiting. Module "
            + "cultural-event. 我的报名")
    public Connection<RegistrationView> myCulturalEventRegistrations(
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return withSignUps(registrations.mine(PageRequest.of(first, after)));
    }

    @Query
    @Authenticated
    @Description("Everyone registered for a sub-event, all states, in registration order; organisers, the event's "
            + "helpers and stewards. Module cultural-event. 报名名单")
    public Connection<RegistrationView> culturalEventRoster(@NonNull @Id @Description("The sub-event.") Long subEventId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return withSignUps(registrations.roster(subEventId, PageRequest.of(first, after)));
    }

    private Connection<RegistrationView> withSignUps(Connection<Registration> page) {
        Map<Long, SignUp> signUps = registrations.signUpsOf(page.edges().stream().map(Edge::node).toList());
        return page.map(r -> RegistrationView.of(r, signUps));
    }

    @Description("Place in line while WAITING, 1 for the next (batched: one statement). 候补位次")
    public List<Integer> waitingPosition(@Source List<RegistrationView> of) {
        Map<Long, Integer> positions = registrations.positionsInLine(of.stream()
                .filter(r -> r.state() == RegistrationState.WAITING).map(RegistrationView::id).toList());
        return of.stream().map(r -> positions.get(r.id())).toList();
    }

    @Description("The registrant's name (batched). 报名人姓名")
    public List<String> personName(@Source List<RegistrationView> of) {
        return personNames.inOrder(of.stream().map(RegistrationView::personId).toList());
    }

    @Description("The sub-event (batched). 子活动")
    public List<SubEventView> subEvent(@Source List<RegistrationView> of) {
        Map<Long, SubEvent> subs = events.subEventsById(of.stream().map(RegistrationView::subEventId).distinct()
                .toList());
        return of.stream().map(r -> SubEventView.of(subs.get(r.subEventId()))).toList();
    }

    @Subscription
    @Authenticated
    @Description("An event's places left per ticket kind and people checked in: at once, then whenever they change "
            + "on any server replica (at most twice a second). Members; NOT_FOUND for an event they may not see. "
            + "Module cultural-event. 实时余量与签到")
    public Multi<LiveView> culturalEventLive(@NonNull @Id @Description("The event.") Long eventId) {
        // Runs on an I/O thread: check now, ask the database on a worker thread.
        String community = context.addressed().orElseThrow(() -> new IllegalStateException("no community addressed"));
        return Multi.createFrom().item(() -> scope.call(community, () -> LiveView.of(live.of(events.event(eventId).id))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMultiAndConcatenate(first -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(first),
                        changes.stream().filter(c -> c.communityCode().equals(community) && c.eventId() == eventId)
                                .group().intoLists().every(Duration.ofMillis(500)).filter(batch -> !batch.isEmpty())
                                .emitOn(Infrastructure.getDefaultWorkerPool())
                                .map(batch -> scope.call(community, () -> LiveView.of(live.of(eventId))))));
    }
}
