package org.linqin.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.booking.service.BookingDemoData;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.ModuleSettings;
import org.linqin.core.module.SettingDefinition;
import org.linqin.core.security.Roles;
import org.linqin.volunteer.spi.VolunteerTeams;

/**
 * Descriptor of the facility-booking module (场地预约). Its settings are the community's default booking rules; a
 * room may set its own.
 */
@ApplicationScoped
public class FacilityBookingModule implements LinqinModule {

    public static final String ID = "facility-booking";
    public static final String MIN_MINUTES = "min-minutes";
    public static final String MAX_MINUTES = "max-minutes";
    public static final String SLOT_MINUTES = "slot-minutes";
    public static final String AHEAD_DAYS = "ahead-days";
    public static final String NOTICE_MINUTES = "notice-minutes";
    public static final String CANCEL_CUTOFF_MINUTES = "cancel-cutoff-minutes";
    public static final String APPROVAL_REQUIRED = "approval-required";
    public static final String WEEKLY_QUOTA_MINUTES = "weekly-quota-minutes";
    public static final String BUFFER_MINUTES = "buffer-minutes";
    public static final String BOOKING_ROLES = "booking-roles";
    public static final String CHECK_IN_GRACE_MINUTES = "check-in-grace-minutes";

    @Inject
    BookingDemoData demo;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Facility booking";
    }

    @Override
    public String nameZh() {
        return "场地预约";
    }

    @Override
    public String description() {
        return "Rooms of the service centre booked by residents, teams, courses and organisations: opening hours, "
                + "closures, booking rules, approval, weekly series, no-show release, and never a double booking.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    /** A booking may be for a volunteer team, named by id. */
    @Override
    public Set<String> uses() {
        return Set.of(VolunteerTeams.MODULE_ID);
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.integer(MIN_MINUTES, "Shortest booking, minutes. 最短时长", 30, 5, 1440),
                SettingDefinition.integer(MAX_MINUTES, "Longest booking, minutes. 最长时长", 240, 5, 1440),
                SettingDefinition.integer(SLOT_MINUTES, "Start and end fall on multiples of this, minutes. 时间粒度", 30, 5, 240),
                SettingDefinition.integer(AHEAD_DAYS, "How many days ahead one may book. 可提前预约天数", 30, 1, 3650),
                SettingDefinition.integer(NOTICE_MINUTES, "Least notice before the start, minutes. 最短提前量", 60, 0, 10080),
                SettingDefinition.integer(CANCEL_CUTOFF_MINUTES, "Bookers cancel at least this long before the start, minutes. 取消截止", 120, 0, 10080),
                SettingDefinition.bool(APPROVAL_REQUIRED, "Bookings wait for staff approval. 需要审批", false),
                SettingDefinition.integer(WEEKLY_QUOTA_MINUTES, "Minutes one person may book per week (staff exempt). 每周限额", 360, 0, 10080),
                SettingDefinition.integer(BUFFER_MINUTES, "Free time kept after each booking, minutes. 间隔时间", 15, 0, 240),
                SettingDefinition.choiceList(BOOKING_ROLES, "Roles that may book. 可预约角色", Roles.COMMUNITY_ROLES,
                        Roles.COMMUNITY_ROLES),
                SettingDefinition.integer(CHECK_IN_GRACE_MINUTES, "A booking not checked in this long after its start is released as no-show, minutes. 签到宽限", 15, 0, 240));
    }

    @Override
    public void seedDemoData(String communityCode) {
        demo.seed();
    }

    /** The shortest booking is no longer than the longest, and both hold at least one slot. */
    @Override
    public List<SettingProblem> validateSettings(ModuleSettings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        long min = settings.integer(MIN_MINUTES);
        long max = settings.integer(MAX_MINUTES);
        long slot = settings.integer(SLOT_MINUTES);
        if (min > max) {
            problems.add(new SettingProblem(MIN_MINUTES,
                    Msg.of("booking.facilityBookingModule.longerThan", min, MAX_MINUTES, max)));
        }
        if (slot > min) {
            problems.add(new SettingProblem(SLOT_MINUTES,
                    Msg.of("booking.facilityBookingModule.longerThanNoBooking", slot, MIN_MINUTES, min)));
        }
        return problems;
    }
}
