package org.linqin.noticeboard.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleService;
import org.linqin.core.module.ModuleSettings;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.noticeboard.NoticeBoardModule;
import org.linqin.noticeboard.model.Notice;

/** Publishing and withdrawing notices of the addressed community; the pin limit comes from the module settings. */
@ApplicationScoped
public class NoticeService {

    @Inject
    CommunityContext context;

    @Inject
    ModuleService modules;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    public Connection<Notice> current(PageRequest page) {
        context.require();
        return pagination.page(Notice.class, "e.withdrawnAt is null", Map.of(), page, n -> n);
    }

    public List<Notice> pinned() {
        context.require();
        return Notice.list("pinned = true and withdrawnAt is null order by publishedAt desc");
    }

    @Transactional
    public Notice publish(NoticeInput input) {
        String community = context.require();
        inputs.validate("input", input);
        ModuleSettings settings = modules.settings(NoticeBoardModule.ID);
        if (input.pinned()) {
            long limit = settings.integer(NoticeBoardModule.MAX_PINNED);
            if (Notice.count("pinned = true and withdrawnAt is null") >= limit) {
                throw new ConflictException(
                        Msg.of("noticeboard.notice.mostNoticesMayPinned", limit, NoticeBoardModule.MAX_PINNED));
            }
        }
        Notice notice = new Notice();
        notice.title = input.title().trim();
        notice.body = input.body();
        notice.pinned = input.pinned();
        notice.signature = settings.string(NoticeBoardModule.SIGNATURE);
        notice.publishedBy = caller.actor();
        notice.publishedAt = OffsetDateTime.now();
        notice.persist();
        audit.record(community, "notice.published", "notice", notice.id, Map.of("title", notice.title));
        return notice;
    }

    @Transactional
    public Notice withdraw(Long id) {
        String community = context.require();
        Notice notice = id == null ? null : Notice.findById(id);
        if (notice == null || notice.withdrawnAt != null) {
            throw new NotFoundException(Msg.of("noticeboard.thing.notice"), id);
        }
        notice.withdrawnAt = OffsetDateTime.now();
        notice.pinned = false;
        audit.record(community, "notice.withdrawn", "notice", id, Map.of());
        return notice;
    }
}
