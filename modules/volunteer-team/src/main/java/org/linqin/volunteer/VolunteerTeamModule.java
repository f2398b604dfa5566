package org.linqin.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.i18n.Msg;
import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.ModuleSettings;
import org.linqin.core.module.SettingDefinition;
import org.linqin.volunteer.service.StarLevels;
import org.linqin.volunteer.service.VolunteerDemoData;
import org.linqin.volunteer.spi.VolunteerTeams;

/**
 * Descriptor of the volunteer-team module (志愿服务): teams, shifts with sign-ups, check-in codes, the hours ledger,
 * star levels, service records and points. Works alone; uses the grid, organisation and facility-booking modules
 * where a community has them on.
 */
@ApplicationScoped
public class VolunteerTeamModule implements LinqinModule {

    public static final String ID = VolunteerTeams.MODULE_ID;
    public static final String DAILY_HOURS_CAP = "daily-hours-cap";
    public static final String WEEKLY_HOURS_CAP = "weekly-hours-cap";
    public static final String SIGN_UP_CLOSES_MINUTES = "sign-up-closes-minutes";
    public static final String CANCEL_CUTOFF_MINUTES = "cancel-cutoff-minutes";
    public static final String CHECK_CODE_MINUTES = "check-code-minutes";
    public static final String STAR_THRESHOLDS = "star-thresholds";
    public static final String POINTS_PER_HOUR = "points-per-hour";

    @Inject
    VolunteerDemoData demo;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Volunteer teams";
    }

    @Override
    public String nameZh() {
        return "志愿服务";
    }

    @Override
    public String description() {
        return "Volunteer teams with party members as the backbone: members, shifts with sign-ups and waiting "
                + "lists, check-in codes, verified and back-filled hours, star levels, service records and points.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    /** Findings become incidents (grid), party members are flagged and teams led by units (organisation). */
    @Override
    public Set<String> uses() {
        return Set.of("grid", "organisation");
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.integer(DAILY_HOURS_CAP, "Hours of shifts one person may sign up for in a day. 每日时长上限", 8, 1, 24),
                SettingDefinition.integer(WEEKLY_HOURS_CAP, "Hours of shifts one person may sign up for in a week (Monday to Sunday). 每周时长上限", 20, 1, 168),
                SettingDefinition.integer(SIGN_UP_CLOSES_MINUTES, "Sign-up closes this long before a shift starts, minutes. 报名截止", 30, 0, 10080),
                SettingDefinition.integer(CANCEL_CUTOFF_MINUTES, "Cancelling later than this before the start is recorded as late, minutes. 取消截止", 120, 0, 10080),
                SettingDefinition.integer(CHECK_CODE_MINUTES, "A check-in code shown by the shift leader is valid this long, minutes. 签到码有效期", 10, 1, 120),
                SettingDefinition.string(STAR_THRESHOLDS, "Verified hours for star levels 1 to 5, ascending, comma-separated. 星级时长", "100,300,600,1000,1500", 100),
                SettingDefinition.integer(POINTS_PER_HOUR, "Points earned per verified hour. 每小时积分", 10, 0, 1000));
    }

    @Override
    public List<SettingProblem> validateSettings(ModuleSettings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        StarLevels.problem(settings.string(STAR_THRESHOLDS))
                .ifPresent(p -> problems.add(new SettingProblem(STAR_THRESHOLDS, p)));
        if (settings.integer(DAILY_HOURS_CAP) > settings.integer(WEEKLY_HOURS_CAP)) {
            problems.add(new SettingProblem(DAILY_HOURS_CAP,
                    Msg.of("volunteer.volunteerTeamModule.moreThan",
                            settings.integer(DAILY_HOURS_CAP), WEEKLY_HOURS_CAP, settings.integer(WEEKLY_HOURS_CAP))));
        }
        return problems;
    }

    @Override
    public void seedDemoData(String communityCode) {
        demo.seed();
    }
}
