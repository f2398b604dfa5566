package org.linqin.noticeboard.api;

import jakarta.annotation.security.PermitAll;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.community.api.CommunityView;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.noticeboard.service.NoticeInput;
import org.linqin.noticeboard.service.NoticeService;

@GraphQLApi
@ModuleGuarded
public class NoticeApi {

    @Inject
    NoticeService notices;

    @Inject
    CommunityContext context;

    @PermitAll
    @Query
    @Description("Current notices of the addressed community, oldest first. Public. Module notice-board. 社区公告")
    public Connection<NoticeView> notices(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return notices.current(PageRequest.of(first, after)).map(NoticeView::of);
    }

    @PermitAll
    @Description("Pinned notices, newest first. Needs the community addressed. Module notice-board. 置顶公告")
    public List<NoticeView> pinnedNotices(@Source CommunityView community) {
        context.requireAddressed(community.code());
        return notices.pinned().stream().map(NoticeView::of).toList();
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Publishes a notice. Community admins; audited. Module notice-board. 发布公告")
    public NoticeView publishNotice(@NonNull NoticeInput input) {
        return NoticeView.of(notices.publish(input));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Withdraws a notice; it stays on record but is no longer listed. Community admins; audited. "
            + "Module notice-board. 撤回公告")
    public NoticeView withdrawNotice(@NonNull @Id Long id) {
        return NoticeView.of(notices.withdraw(id));
    }
}
