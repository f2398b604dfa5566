package org.linqin.volunteer.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.volunteer.VolunteerTeamModule;
import org.linqin.volunteer.model.ServiceRecord;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The printable service record at {@code GET /volunteer/records/<token>}: an HTML page (UTF-8, print styles) that
 * whoever holds the unguessable link may open without a login, e.g. a school asking for proof of service.
 */
@ApplicationScoped
public class ServiceRecordPage {

    @Inject
    CommunityScope scope;

    @Inject
    EnabledModules enabledModules;

    @Inject
    ServiceRecords records;

    @Inject
    EntityManager em;

    void routes(@Observes Router router) {
        router.get(ServiceRecords.PAGE_PATH + ":token").blockingHandler(this::serve);
    }

    private void serve(RoutingContext request) {
        String token = request.pathParam("token");
        List<?> found = token.length() > 64 ? List.of() : scope.call(CommunityContext.NO_COMMUNITY,
                () -> em.createNativeQuery("select community_code, id from volunteer_service_records where token = ?1")
                        .setParameter(1, token).getResultList());
        if (found.isEmpty()) {
            request.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("No such service record");
            return;
        }
        Object[] row = (Object[]) found.get(0);
        String community = (String) row[0];
        long id = ((Number) row[1]).longValue();
        String page = scope.call(community, () -> {
            if (!enabledModules.isEnabled(community, VolunteerTeamModule.ID)) {
                return null;
            }
            ServiceRecord record = ServiceRecord.findById(id);
            return render(records.contentOf(record.personId, record.fromDate, record.toDate), record.issuedAt);
        });
        if (page == null) {
            request.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("No such service record");
            return;
        }
        request.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                .putHeader("X-Robots-Tag", "noindex").putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").end(page);
    }

    static String render(ServiceRecords.Content c, OffsetDateTime issuedAt) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>志愿服务记录证明 — ").append(escape(c.name())).append("</title><style>")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",")
                .append("sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111;line-height:1.6}")
                .append("h1{text-align:center;font-size:1.6em;letter-spacing:.2em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #444;padding:.3em .6em;text-align:left}th{background:#f2f2f2}")
                .append(".num{text-align:right}.foot{margin-top:3em;text-align:right}")
                .append("@media print{body{margin:0;max-width:none}@page{size:A4;margin:2cm}th{background:none}}")
                .append("</style></head><body>\n<h1>志愿服务记录证明</h1>\n<p>兹证明 <strong>")
                .append(escape(c.name())).append("</strong> 于 ").append(date(c.from())).append(" 至 ")
                .append(date(c.to().minusDays(1))).append(" 在").append(escape(c.communityName()))
                .append("参加志愿服务，累计信用时长 <strong>").append(hours(c.verifiedMinutes())).append("</strong> 小时");
        if (c.backfilledMinutes() > 0) {
            html.append("，另有补录时长 ").append(hours(c.backfilledMinutes())).append(" 小时");
        }
        html.append("。</p>\n<p>服务队伍：").append(escape(c.teams().isEmpty() ? "—" : String.join("、", c.teams())))
                .append("<br>服务项目：").append(escape(c.activities().isEmpty() ? "—" : String.join("、", c.activities())))
                .append("</p>\n<table><thead><tr><th>月份 Month</th><th class=\"num\">信用时长 Verified (h)</th>")
                .append("<th class=\"num\">补录时长 Back-filled (h)</th></tr></thead><tbody>");
        for (HoursService.Month m : c.months()) {
            html.append("<tr><td>").append(escape(m.month())).append("</td><td class=\"num\">")
                    .append(hours(m.verifiedMinutes())).append("</td><td class=\"num\">")
                    .append(hours(m.backfilledMinutes())).append("</td></tr>");
        }
        html.append("<tr><th>合计 Total</th><th class=\"num\">").append(hours(c.verifiedMinutes()))
                .append("</th><th class=\"num\">").append(hours(c.backfilledMinutes())).append("</th></tr></tbody></table>\n")
                .append("<p class=\"foot\">").append(escape(c.communityName())).append("<br>出具日期：")
                .append(date(issuedAt.toLocalDate())).append("</p>\n</body></html>\n");
        return html.toString();
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String hours(long minutes) {
        return String.format("%.1f", minutes / 60.0);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
