package org.linqin.booking.service;

import java.util.List;

import org.linqin.booking.FacilityBookingModule;
import org.linqin.booking.model.Room;
import org.linqin.core.module.ModuleSettings;

/** The rules in force for one room: the room's own, else the community's defaults. */
public record BookingRules(int minMinutes, int maxMinutes, int slotMinutes, int aheadDays, int noticeMinutes,
        int cancelCutoffMinutes, boolean approvalRequired, int weeklyQuotaMinutes, int bufferMinutes,
        List<String> bookingRoles, int checkInGraceMinutes) {

    public static BookingRules of(Room room, ModuleSettings defaults) {
        return new BookingRules(
                or(room.minMinutes, defaults, FacilityBookingModule.MIN_MINUTES),
                or(room.maxMinutes, defaults, FacilityBookingModule.MAX_MINUTES),
                or(room.slotMinutes, defaults, FacilityBookingModule.SLOT_MINUTES),
                or(room.aheadDays, defaults, FacilityBookingModule.AHEAD_DAYS),
                or(room.noticeMinutes, defaults, FacilityBookingModule.NOTICE_MINUTES),
                or(room.cancelCutoffMinutes, defaults, FacilityBookingModule.CANCEL_CUTOFF_MINUTES),
                room.approvalRequired != null ? room.approvalRequired
                        : defaults.bool(FacilityBookingModule.APPROVAL_REQUIRED),
                or(room.weeklyQuotaMinutes, defaults, FacilityBookingModule.WEEKLY_QUOTA_MINUTES),
                or(room.bufferMinutes, defaults, FacilityBookingModule.BUFFER_MINUTES),
                room.bookingRoles != null ? List.copyOf(room.bookingRoles)
                        : defaults.list(FacilityBookingModule.BOOKING_ROLES),
                (int) defaults.integer(FacilityBookingModule.CHECK_IN_GRACE_MINUTES));
    }

    private static int or(Integer own, ModuleSettings defaults, String key) {
        return own != null ? own : (int) defaults.integer(key);
    }
}
