package org.linqin.booking.service;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.booking.FacilityBookingModule;
import org.linqin.booking.model.Room;
import org.linqin.booking.service.BookingInputs.OpeningWindow;
import org.linqin.booking.service.BookingInputs.RoomData;
import org.linqin.booking.service.BookingInputs.RoomRules;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Place;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleService;
import org.linqin.core.security.Roles;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;

/** Rooms of the addressed community: their data, opening hours, closures, rules and calendar token. */
@ApplicationScoped
public class RoomService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    ModuleService modules;

    @Inject
    AuditLog audit;

    public Connection<Room> list(PageRequest page) {
        context.require();
        return pagination.page(Room.class, null, Map.of(), page, r -> r);
    }

    public Room room(Long id) {
        return lookup.require(Room.class, id, Msg.of("booking.thing.room"));
    }

    public BookingRules rules(Room room) {
        return BookingRules.of(room, modules.settings(FacilityBookingModule.ID));
    }

    @Transactional
    public Room create(RoomData data) {
        String community = context.require();
        inputs.validate("input", data);
        if (Room.count("name", data.name().trim()) > 0) {
            throw new ConflictException(Msg.of("booking.room.roomNamedExistsAlready", data.name().trim()));
        }
        Room room = new Room();
        room.icsToken = newToken();
        apply(room, data);
        room.persist();
        audit.record(community, "room.created", "room", room.id, Map.of("name", room.name));
        return room;
    }

    @Transactional
    public Room update(Long id, RoomData data) {
        inputs.validate("input", data);
        Room room = room(id);
        InputValidator.checkVersion(data.expectedVersion(), room.version, Msg.of("booking.thing.room2", id));
        if (Room.count("name = ?1 and id <> ?2", data.name().trim(), id) > 0) {
            throw new ConflictException(Msg.of("booking.room.roomNamedExistsAlready", data.name().trim()));
        }
        apply(room, data);
        audit.record(room.communityCode, "room.updated", "room", id, Map.of());
        return room;
    }

    @Transactional
    public Room addClosure(Long id, LocalDate from, LocalDate to, String reason) {
        Room room = room(id);
        if (from == null || to == null || to.isBefore(from)) {
            throw ValidationFailedException.of("to", Msg.of("booking.room.mustAfterFrom"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw ValidationFailedException.of("reason", Msg.of("booking.room.mustCharacters"));
        }
        room.closures.add(new Room.Closure(from, to, reason.trim()));
        audit.record(room.communityCode, "room.closure-added", "room", id, Map.of("from", from.toString(),
                "to", to.toString()));
        return room;
    }

    @Transactional
    public Room removeClosure(Long id, LocalDate from) {
        Room room = room(id);
        if (!room.closures.removeIf(c -> c.fromDate.equals(from))) {
            throw new NotFoundException(Msg.of("booking.thing.closureRoomStarting", id), from);
        }
        audit.record(room.communityCode, "room.closure-removed", "room", id, Map.of("from", String.valueOf(from)));
        return room;
    }

    /** A new secret for the room's public calendar feed; the old link stops working. */
    @Transactional
    public Room rotateCalendarToken(Long id) {
        Room room = room(id);
        room.icsToken = newToken();
        audit.record(room.communityCode, "room.calendar-token-rotated", "room", id, Map.of());
        return room;
    }

    private void apply(Room room, RoomData data) {
        Place place = Place.findById(data.placeId());
        if (place == null) {
            throw new NotFoundException(Msg.of("core.thing.place"), data.placeId());
        }
        for (OpeningWindow window : data.openingHours()) {
            if (!window.opensAt().isBefore(window.closesAt())) {
                throw ValidationFailedException.of("input.openingHours", Msg.of("booking.room.eachWindowMustOpen"));
            }
        }
        room.placeId = place.id;
        room.name = data.name().trim();
        room.kind = data.kind();
        room.capacity = data.capacity();
        room.facilities = data.facilities() == null ? new ArrayList<>() : new ArrayList<>(data.facilities());
        room.photoUrls = data.photoUrls() == null ? new ArrayList<>() : new ArrayList<>(data.photoUrls());
        room.openingHours.clear();
        data.openingHours().forEach(w -> room.openingHours.add(new Room.OpeningHours(w.dayOfWeek().toDayOfWeek(), w.opensAt(),
                w.closesAt())));
        RoomRules rules = data.rules();
        room.minMinutes = rules == null ? null : rules.minMinutes();
        room.maxMinutes = rules == null ? null : rules.maxMinutes();
        room.slotMinutes = rules == null ? null : rules.slotMinutes();
        room.aheadDays = rules == null ? null : rules.aheadDays();
        room.noticeMinutes = rules == null ? null : rules.noticeMinutes();
        room.cancelCutoffMinutes = rules == null ? null : rules.cancelCutoffMinutes();
        room.approvalRequired = rules == null ? null : rules.approvalRequired();
        room.weeklyQuotaMinutes = rules == null ? null : rules.weeklyQuotaMinutes();
        room.bufferMinutes = rules == null ? null : rules.bufferMinutes();
        if (rules != null && rules.bookingRoles() != null
                && !Roles.COMMUNITY_ROLES.containsAll(rules.bookingRoles())) {
            throw ValidationFailedException.of("input.rules.bookingRoles",
                    Msg.of("booking.room.mustCommunityRoles", Roles.COMMUNITY_ROLES));
        }
        room.bookingRoles = rules == null || rules.bookingRoles() == null ? null : new ArrayList<>(rules.bookingRoles());
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Every room's rules in one place, for statistics. */
    public List<Room> all() {
        context.require();
        return Room.listAll();
    }
}
