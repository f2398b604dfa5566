package org.linqin.booking.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.booking.api.BookingViews.RoomView;
import org.linqin.booking.api.BookingViews.TimeRangeView;
import org.linqin.booking.model.Room;
import org.linqin.booking.service.BookingInputs.RoomData;
import org.linqin.booking.service.BookingService;
import org.linqin.booking.service.RoomAvailability;
import org.linqin.booking.service.RoomService;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class RoomApi {

    static final int MAX_DAYS = 14;

    @Inject
    RoomService rooms;

    @Inject
    BookingService bookings;

    @Inject
    Caller caller;

    @Query
    @Authenticated
    @Description("Bookable rooms of the addressed community. Module facility-booking. 场地列表")
    public Connection<RoomView> rooms(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return rooms.list(PageRequest.of(first, after)).map(this::view);
    }

    @Query
    @Authenticated
    @Description("A room with its opening hours, closures and rules. Module facility-booking. 场地")
    public RoomView room(@NonNull @Id @Description("The room.") Long id) {
        return view(rooms.room(id));
    }

    @Query
    @Authenticated
    @Description("Free windows of a room, day by day from `from` (local date) for `days` days (1–14), each long "
            + "enough for the shortest booking and aligned to the slot. Module facility-booking. 空闲时段")
    public List<TimeRangeView> freeSlots(@NonNull @Id @Description("The room.") Long roomId,
            @NonNull @Description("First day, local date.") LocalDate from,
            @Description("How many days, 1 to 14 (default 1; 7 for a week).") Integer days) {
        int span = span(days);
        Room room = rooms.room(roomId);
        ZoneId zone = bookings.zone();
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = from.plusDays(span).atStartOfDay(zone).toOffsetDateTime();
        return RoomAvailability.freeWindows(room, rooms.rules(room), bookings.calendar(roomId, start.minusDays(1), end),
                from, span, zone, OffsetDateTime.now()).stream()
                .map(r -> new TimeRangeView(r.startsAt(), r.endsAt())).toList();
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Adds a bookable room. Community admins and property staff; audited. Module facility-booking. 新增场地")
    public RoomView createRoom(@NonNull RoomData input) {
        return view(rooms.create(input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Changes a room, its opening hours and rules. Existing bookings stay. Community admins and "
            + "property staff; audited. Module facility-booking. 修改场地")
    public RoomView updateRoom(@NonNull @Id @Description("The room.") Long id, @NonNull RoomData input) {
        return view(rooms.update(id, input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Closes a room on some days (holiday, maintenance). Community admins and property staff; audited. "
            + "Module facility-booking. 设置闭馆")
    public RoomView addRoomClosure(@NonNull @Id @Description("The room.") Long roomId,
            @NonNull @Description("First day.") LocalDate from, @NonNull @Description("Last day.") LocalDate to,
            @NonNull @Description("Why.") String reason) {
        return view(rooms.addClosure(roomId, from, to, reason));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Removes the closure starting on `from`. Community admins and property staff; audited. Module "
            + "facility-booking. 取消闭馆")
    public RoomView removeRoomClosure(@NonNull @Id @Description("The room.") Long roomId,
            @NonNull @Description("First day of the closure.") LocalDate from) {
        return view(rooms.removeClosure(roomId, from));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Gives the room's calendar feed a new secret link; the old one stops working. Module "
            + "facility-booking. 重置日历链接")
    public RoomView rotateRoomCalendarLink(@NonNull @Id @Description("The room.") Long roomId) {
        return view(rooms.rotateCalendarToken(roomId));
    }

    private RoomView view(Room room) {
        return RoomView.of(room, rooms.rules(room), caller.hasAnyRole(BookingService.BOOKING_STAFF));
    }

    static int span(Integer days) {
        int span = days == null ? 1 : days;
        if (span < 1 || span > MAX_DAYS) {
            throw ValidationFailedException.of("days", Msg.of("booking.roomApi.mustBetween", MAX_DAYS));
        }
        return span;
    }
}
