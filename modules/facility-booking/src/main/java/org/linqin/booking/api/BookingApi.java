package org.linqin.booking.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.booking.api.BookingViews.BookingView;
import org.linqin.booking.api.BookingViews.KindUsageView;
import org.linqin.booking.api.BookingViews.RoomUsageView;
import org.linqin.booking.api.BookingViews.SeriesView;
import org.linqin.booking.api.BookingViews.SkippedView;
import org.linqin.booking.api.BookingViews.UsageReportView;
import org.linqin.booking.model.Booking;
import org.linqin.booking.model.RoomKind;
import org.linqin.booking.service.BookingInputs.NewBooking;
import org.linqin.booking.service.BookingInputs.NewSeries;
import org.linqin.booking.service.BookingService;
import org.linqin.booking.service.UsageService;
import org.linqin.booking.service.UsageService.RoomUsage;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class BookingApi {

    @Inject
    BookingService bookings;

    @Inject
    UsageService usage;

    @Inject
    Caller caller;

    @Query
    @Authenticated
    @Description("A room's bookings that hold their slot, day by day from `from` for `days` days (1–14); who booked "
            + "is shown to booking staff only. Module facility-booking. 场地日历")
    public List<BookingView> roomCalendar(@NonNull @Id @Description("The room.") Long roomId,
            @NonNull @Description("First day, local date.") LocalDate from,
            @Description("How many days, 1 to 14 (default 7).") Integer days) {
        ZoneId zone = bookings.zone();
        int span = RoomApi.span(days == null ? 7 : days);
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        return bookings.calendar(roomId, start, from.plusDays(span).atStartOfDay(zone).toOffsetDateTime()).stream()
                .map(this::view).toList();
    }

    @Query
    @Authenticated
    @Description("The caller's bookings in the addressed community. Module facility-booking. 我的预约")
    public Connection<BookingView> myBookings(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return bookings.mine(PageRequest.of(first, after)).map(b -> BookingView.of(b, true));
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Bookings waiting for approval. Booking staff. Module facility-booking. 待审批预约")
    public Connection<BookingView> pendingBookings(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return bookings.pending(PageRequest.of(first, after)).map(b -> BookingView.of(b, true));
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.PROPERTY_STAFF })
    @Description("Usage per room and per kind of room for bookings starting in [from, to): hours booked, "
            + "utilisation, no-show rate. Two queries whatever the period. Module facility-booking. 使用统计")
    public UsageReportView bookingUsage(@NonNull @Description("First day (local date).") LocalDate from,
            @NonNull @Description("Day after the last (local date).") LocalDate to) {
        List<RoomUsage> rooms = usage.usage(from, to, bookings.zone());
        Map<RoomKind, double[]> kinds = new EnumMap<>(RoomKind.class);
        for (RoomUsage u : rooms) {
            double[] k = kinds.computeIfAbsent(u.room().kind, x -> new double[4]);
            k[0] += u.hoursOpen();
            k[1] += u.hoursBooked();
            k[2] += u.bookings();
            k[3] += u.noShows();
        }
        List<KindUsageView> byKind = new ArrayList<>();
        kinds.forEach((kind, k) -> byKind.add(new KindUsageView(kind, k[0], k[1], k[0] == 0 ? 0 : k[1] / k[0],
                (int) k[2], (int) k[3], k[2] == 0 ? 0 : k[3] / k[2])));
        byKind.sort(Comparator.comparingDouble(KindUsageView::hoursBooked).reversed());
        return new UsageReportView(from, to, rooms.stream().map(u -> new RoomUsageView(u.room().id, u.room().name,
                u.room().kind, u.hoursOpen(), u.hoursBooked(), u.utilisation(), (int) u.bookings(), (int) u.noShows(),
                u.noShowRate())).toList(), byKind);
    }

    @Mutation
    @Authenticated
    @Description("Books a room. Rules broken give VALIDATION_FAILED naming the rule; a taken slot gives CONFLICT "
            + "naming the clashing slot. Roles as the room's `bookingRoles`; audited. Module facility-booking. 预约场地")
    public BookingView bookRoom(@NonNull NewBooking input) {
        return BookingView.of(bookings.book(input), true);
    }

    @Mutation
    @Authenticated
    @Description("Books a weekly series in one request. The answer lists the occurrences that conflict; with "
            + "ALL_OR_NOTHING nothing is booked if any does. Module facility-booking. 周期预约")
    public SeriesView bookRoomSeries(@NonNull NewSeries input) {
        BookingService.SeriesOutcome outcome = bookings.bookSeries(input);
        return new SeriesView(outcome.seriesId(), outcome.booked().stream().map(b -> BookingView.of(b, true)).toList(),
                outcome.conflicts().stream().map(c -> new SkippedView(c.startsAt(), c.endsAt(), c.reason())).toList());
    }

    @Mutation
    @Authenticated
    @Description("Cancels a booking (or one occurrence of a series). The booker, before the cancellation cut-off; "
            + "booking staff at any time. Audited. Module facility-booking. 取消预约")
    public BookingView cancelBooking(@NonNull @Id @Description("The booking.") Long id) {
        return BookingView.of(bookings.cancel(id), true);
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Approves a pending booking. Booking staff; audited. Module facility-booking. 批准预约")
    public BookingView approveBooking(@NonNull @Id @Description("The booking.") Long id) {
        return BookingView.of(bookings.approve(id), true);
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF })
    @Description("Rejects a pending booking with a reason. Booking staff; audited. Module facility-booking. 驳回预约")
    public BookingView rejectBooking(@NonNull @Id @Description("The booking.") Long id,
            @NonNull @Description("Why, shown to the booker.") String reason) {
        return BookingView.of(bookings.reject(id, reason), true);
    }

    @Mutation
    @Authenticated
    @Description("Checks in to an approved booking, from 15 minutes before its start to the grace time after it; "
            + "the booker or booking staff. Audited. Module facility-booking. 签到")
    public BookingView checkIn(@NonNull @Id @Description("The booking.") Long id) {
        return BookingView.of(bookings.checkIn(id), true);
    }

    private BookingView view(Booking booking) {
        return BookingView.of(booking, caller.hasAnyRole(BookingService.BOOKING_STAFF) || bookings.isBooker(booking));
    }
}
