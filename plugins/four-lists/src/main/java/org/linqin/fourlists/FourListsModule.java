package org.linqin.fourlists;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.SettingDefinition;
import org.linqin.fourlists.service.FourListsDemoData;

/**
 * Descriptor of the four-lists plugin (四单工作法 and 协商议事): the wish list, deliberation meetings, the task list
 * by the parties' duties, the project claim list and the residents' evaluation list. Works alone; uses the grid
 * (scopes, escalation, incidents before complaints), organisation (units, visits, agreed duties), volunteer-team
 * (wishes from grid red work teams) and facility-booking (meeting rooms) modules where a community has them on.
 */
@ApplicationScoped
public class FourListsModule implements LinqinModule {

    public static final String ID = "four-lists";
    public static final String EVALUATION_DAYS = "evaluation-days";
    public static final String WHISTLE_AFTER_DAYS = "whistle-after-days";
    public static final String WHISTLE_CATEGORY = "whistle-category";

    @Inject
    FourListsDemoData demo;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Four lists and deliberation";
    }

    @Override
    public String nameZh() {
        return "四单工作法与协商议事";
    }

    @Override
    public String description() {
        return "Residents' wishes with supports and answers, deliberation meetings with agenda, registrations, minutes "
                + "and resolutions, tasks split by the parties' duties with escalation, micro projects claimed by "
                + "several parties, evaluation by the residents affected, and dashboards.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Set<String> uses() {
        return Set.of("grid", "organisation", "volunteer-team", "facility-booking");
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.integer(EVALUATION_DAYS, "Residents rate a done wish for this many days. 评估期（天）",
                        14, 1, 90),
                SettingDefinition.integer(WHISTLE_AFTER_DAYS, "A task this many days overdue is escalated into a "
                        + "level-3 whistle incident where the grid module is on; 0: never. 逾期吹哨（天）", 3, 0, 60),
                SettingDefinition.string(WHISTLE_CATEGORY, "Incident category of escalated tasks; one of the grid "
                        + "module's categories. 吹哨事件类别", "other", 40));
    }

    @Override
    public void seedDemoData(String communityCode) {
        demo.seed();
    }
}
