package org.linqin.booking.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.booking.model.BookedFor;
import org.linqin.booking.model.Booking;
import org.linqin.booking.model.BookingState;
import org.linqin.booking.model.Room;
import org.linqin.booking.model.RoomKind;
import org.linqin.core.community.model.Place;
import org.linqin.core.community.model.PlaceKind;
import org.linqin.core.people.model.Person;

/**
 * The three rooms of the 常青花园第六社区 service centre, chosen by residents' demand (multi-function, dance,
 * parent-child), with opening hours and a few bookings next week.
 */
@ApplicationScoped
public class BookingDemoData {

    public void seed() {
        Place centre = Place.<Place> find("kind", PlaceKind.SERVICE_CENTRE).firstResult();
        if (centre == null) {
            return;
        }
        Room multi = room(centre, "多功能活动室 (Multi-function room)", RoomKind.MULTI_FUNCTION, 60,
                List.of("投影仪", "音响", "桌椅60套"));
        Room dance = room(centre, "舞蹈室 (Dance room)", RoomKind.DANCE, 25, List.of("镜墙", "把杆", "音响"));
        Room family = room(centre, "亲子活动室 (Parent-child room)", RoomKind.PARENT_CHILD, 20, List.of("绘本", "软垫"));
        Person booker = Person.<Person> find("name", "吴志愿").firstResult();
        if (booker == null) {
            return;
        }
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusWeeks(1).with(DayOfWeek.MONDAY);
        booking(multi, booker, monday.plusDays(1), 19, 21, "平安哨志愿服务队例会", BookedFor.TEAM, "平安哨");
        booking(dance, booker, monday.plusDays(2), 9, 11, "尊巴课", BookedFor.COURSE, "全龄友好社区学堂·尊巴");
        booking(family, booker, monday.plusDays(5), 10, 11, "小行星亲子阅读", BookedFor.COURSE, "小行星计划");
    }

    private static Room room(Place centre, String name, RoomKind kind, int capacity, List<String> facilities) {
        Room room = new Room();
        room.placeId = centre.id;
        room.name = name;
        room.kind = kind;
        room.capacity = capacity;
        room.facilities = new ArrayList<>(facilities);
        room.icsToken = RoomService.newToken();
        for (DayOfWeek day : DayOfWeek.values()) {
            room.openingHours.add(new Room.OpeningHours(day, LocalTime.of(8, 30), LocalTime.of(12, 0)));
            room.openingHours.add(new Room.OpeningHours(day, LocalTime.of(14, 0), LocalTime.of(21, 30)));
        }
        room.persist();
        return room;
    }

    private static void booking(Room room, Person booker, LocalDate day, int fromHour, int toHour, String purpose,
            BookedFor bookedFor, String forName) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Booking booking = new Booking();
        booking.roomId = room.id;
        booking.bookerPersonId = booker.id;
        booking.bookedFor = bookedFor;
        booking.forName = forName;
        booking.purpose = purpose;
        booking.attendance = Math.min(room.capacity, 15);
        booking.startsAt = day.atTime(fromHour, 0).atZone(zone).toOffsetDateTime();
        booking.endsAt = day.atTime(toHour, 0).atZone(zone).toOffsetDateTime();
        booking.bufferMinutes = 15;
        booking.blockedUntil = booking.endsAt.plusMinutes(15);
        booking.state = BookingState.APPROVED;
        booking.createdAt = java.time.OffsetDateTime.now();
        booking.persist();
    }
}
