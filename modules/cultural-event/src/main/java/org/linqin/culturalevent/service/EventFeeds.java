package org.linqin.culturalevent.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.calendar.ICalendar;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.culturalevent.CulturalEventModule;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.model.Visibility;

import io.nayuki.qrcodegen.QrCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Two plain HTTP resources beside GraphQL: a ticket code as a QR image ({@code GET /events/tickets/<code>.png},
 * drawn from the code alone, so it tells nothing the code does not) and the iCalendar feed of a community's public
 * events ({@code GET /calendar/events/<community>.ics}, no login: it shows what anyone may see).
 */
@ApplicationScoped
public class EventFeeds {

    private static final Pattern TICKET_CODE = Pattern.compile("[23456789A-HJ-NP-Z]{12}");
    private static final int MODULE_PIXELS = 8;
    private static final int QUIET_ZONE = 4;

    @Inject
    CommunityScope scope;

    @Inject
    CommunityDirectory directory;

    @Inject
    EnabledModules enabledModules;

    @Inject
    EntityManager em;

    void routes(@Observes Router router) {
        router.get("/events/tickets/:code").handler(this::qrCode);
        router.get("/calendar/events/:community").blockingHandler(this::calendar);
    }

    private void qrCode(RoutingContext request) {
        String code = request.pathParam("code").replaceFirst("\\.png$", "");
        if (!TICKET_CODE.matcher(code).matches()) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "private, max-age=86400")
                .end(Buffer.buffer(png(code)));
    }

    static byte[] png(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = (qr.size + 2 * QUIET_ZONE) * MODULE_PIXELS;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(side, side,
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean dark = qr.getModule(x / MODULE_PIXELS - QUIET_ZONE, y / MODULE_PIXELS - QUIET_ZONE);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void calendar(RoutingContext request) {
        String community = request.pathParam("community").replaceFirst("\\.ics$", "");
        if (!community.matches("[a-z0-9-]{1,40}")) {
            request.response().setStatusCode(404).end();
            return;
        }
        // the checks may read the database (a code not yet known, module rows not cached): inside the scope
        String body = scope.call(community, () -> {
            if (!directory.exists(community) || !enabledModules.isEnabled(community, CulturalEventModule.ID)) {
                return null;
            }
            List<CulturalEvent> events = em.createQuery("from CulturalEvent where state = ?1 and visibility = ?2",
                    CulturalEvent.class).setParameter(1, EventState.PUBLISHED).setParameter(2, Visibility.PUBLIC)
                    .getResultList();
            Map<Long, CulturalEvent> byId = events.stream().collect(Collectors.toMap(e -> e.id, e -> e));
            List<SubEvent> subs = byId.isEmpty() ? List.of() : em.createQuery("from SubEvent where eventId in ?1 "
                    + "and cancelled = false and endsAt > ?2 order by startsAt", SubEvent.class)
                    .setParameter(1, byId.keySet()).setParameter(2, OffsetDateTime.now().minusDays(30))
                    .getResultList();
            ICalendar calendar = ICalendar.named("社区活动 Community events", "Cultural events");
            for (SubEvent sub : subs) {
                CulturalEvent event = byId.get(sub.eventId);
                calendar.event("event-" + sub.id, sub.startsAt, sub.endsAt, event.title + " · " + sub.title,
                        sub.venueName, event.description);
            }
            return calendar.end();
        });
        if (body == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.response().putHeader("Content-Type", "text/calendar; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=300").end(body);
    }
}
