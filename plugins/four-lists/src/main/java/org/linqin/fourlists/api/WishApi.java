package org.linqin.fourlists.api;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.fourlists.api.FourListsViews.EvaluationView;
import org.linqin.fourlists.api.FourListsViews.SubmissionView;
import org.linqin.fourlists.api.FourListsViews.TimelineView;
import org.linqin.fourlists.api.FourListsViews.WishView;
import org.linqin.fourlists.model.ScopeKind;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.WishState;
import org.linqin.fourlists.service.EvaluationService;
import org.linqin.fourlists.service.FourListsAccess;
import org.linqin.fourlists.service.FourListsInputs.Answer;
import org.linqin.fourlists.service.FourListsInputs.NewWish;
import org.linqin.fourlists.service.Timeline;
import org.linqin.fourlists.service.WishService;
import org.linqin.fourlists.service.WishService.Submission;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class WishApi {

    @Inject
    WishService wishes;

    @Inject
    EvaluationService evaluations;

    @Inject
    Timeline timeline;

    @Inject
    FourListsAccess access;

    @Inject
    OwnRecord ownRecord;

    private Long me() {
        return ownRecord.find().map(p -> p.id).orElse(-1L);
    }

    @Mutation
    @Authenticated
    @Description("Submits a wish for the wish list, with the open wishes that look like it (trigram similarity). A "
            + "resident submits for the building, grid or compound they live in, or the community (FORBIDDEN reason "
            + "NOT_IN_SCOPE); a GRID_TEAM wish names the team (volunteer-team module) and is submitted by its members, "
            + "a HOUSEHOLD_VISIT wish names the visit (organisation module) and is submitted by the staff. Audited. "
            + "Plugin four-lists. 提交愿望")
    public SubmissionView submitWish(@NonNull NewWish input) {
        Submission submission = wishes.submit(input);
        Long me = me();
        return new SubmissionView(WishView.of(submission.wish(), me),
                submission.similar().stream().map(w -> WishView.of(w, me)).toList());
    }

    @Query
    @Description("Open wishes the caller may see that look like the text, most alike first (at most five); to show "
            + "while a resident types. Plugin four-lists. 相似愿望")
    public List<WishView> similarWishes(@NonNull @Description("Title and text typed so far. 内容") String text) {
        Long me = me();
        return wishes.similar(text, null).stream().map(w -> WishView.of(w, me)).toList();
    }

    @Mutation
    @Authenticated
    @Description("Supports an open wish, once; residents of its scope (NOT_IN_SCOPE, ALREADY_SUPPORTED, NOT_OPEN). "
            + "Plugin four-lists. 支持愿望")
    public WishView supportWish(@NonNull @Id @Description("The wish. 愿望") Long id) {
        return WishView.of(wishes.support(id), me());
    }

    @Mutation
    @Authenticated
    @Description("Answers a submitted wish: ACCEPT for the task list, MERGE into another open wish, or DECLINE with the "
            + "reason; admins and committee members; audited. Plugin four-lists. 答复愿望")
    public WishView answerWish(@NonNull @Id @Description("The wish. 愿望") Long id, @NonNull Answer input) {
        return WishView.of(wishes.answer(id, input), me());
    }

    @Query
    @Description("Wishes the caller may see (public ones, their own, all for admins, committee members and grid "
            + "workers), by id, optionally by state, scope or only their own. Plugin four-lists. 愿景清单")
    public Connection<WishView> wishes(@Description("State. 状态") WishState state,
            @Description("Scope kind. 范围") ScopeKind scopeKind,
            @Id @Description("The building, grid or compound. 范围对象") Long scopeId,
            @Description("Only the caller's own. 我的") Boolean mine,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        Long me = me();
        return wishes.list(new WishService.Filter(state, scopeKind, scopeId, Boolean.TRUE.equals(mine)),
                PageRequest.of(first, after)).map(w -> WishView.of(w, me));
    }

    @Query
    @Description("One wish, if the caller may see it. Plugin four-lists. 愿望")
    public WishView wish(@NonNull @Id @Description("The wish. 愿望") Long id) {
        return WishView.of(wishes.visible(id), me());
    }

    @Description("Its history: states, answers, merges, evaluation (batched); for its author and the staff, else null. "
            + "历程")
    public List<List<TimelineView>> history(@Source List<WishView> of) {
        List<List<TimelineView>> entries = timeline.of(SubjectKind.WISH, of.stream().map(WishView::id).toList())
                .stream().map(l -> l.stream().map(TimelineView::of).toList()).toList();
        boolean reads = access.reads();
        return IntStream.range(0, of.size())
                .mapToObj(i -> reads || of.get(i).mine() ? entries.get(i) : null).toList();
    }

    @Mutation
    @Authenticated
    @Description("Rates whether a wish being evaluated was achieved, 1 to 5, once, with a comment; residents of its "
            + "scope during the evaluation window (NOT_IN_SCOPE, NOT_EVALUATING, ALREADY_EVALUATED). Plugin "
            + "four-lists. 效果评价")
    public EvaluationView evaluateWish(@NonNull @Id @Description("The wish. 愿望") Long id,
            @NonNull @Description("1 (not at all) to 5 (fully achieved). 评分") Integer rating,
            @Description("Comment, at most 2000 characters. 评语") String comment) {
        return EvaluationView.of(evaluations.evaluate(id, rating, comment));
    }
}
