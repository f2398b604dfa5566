package org.linqin.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.i18n.Msg;
import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.ModuleSettings;
import org.linqin.core.module.SettingDefinition;
import org.linqin.grid.service.Routing;
import org.linqin.grid.service.GridDemoData;

/**
 * Descriptor of the grid module (网格): grids and responsibility, incidents with the three-level response (三级响应),
 * live to every party, and the outcome statistics. Needs the organisation module.
 */
@ApplicationScoped
public class GridModule implements LinqinModule {

    public static final String ID = "grid";
    public static final String CATEGORIES = "categories";
    public static final String ROUTING = "routing";
    public static final List<String> LEVEL_DEADLINES = List.of("level-1-deadline-minutes", "level-2-deadline-minutes",
            "level-3-deadline-minutes");

    @Inject
    GridDemoData demo;

    @Override
    public void seedDemoData(String communityCode) {
        demo.seed();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Grid";
    }

    @Override
    public String nameZh() {
        return "网格";
    }

    @Override
    public String description() {
        return "Grids and who is responsible for them; incidents reported by anyone, routed by category, handled "
                + "through the three-level response with a full timeline, seen live by every party.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("organisation");
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.string(CATEGORIES, "Incident categories, comma-separated. 事件类别",
                        "safety,fire-hazard,city-management,sanitation,neighbour-dispute,public-sentiment,other", 500),
                SettingDefinition.string(ROUTING, "Where each category goes: category=role[@organisationUnitId], "
                        + "comma-separated; others go to community-admin. 分类派单",
                        "safety=grid-worker,fire-hazard=property-staff,city-management=partner-staff,"
                                + "sanitation=property-staff,neighbour-dispute=grid-worker,"
                                + "public-sentiment=committee-member,other=grid-worker", 500),
                SettingDefinition.integer(LEVEL_DEADLINES.get(0), "Response time of level 1 (on the spot), minutes. 一级响应时限", 240, 5, 43200),
                SettingDefinition.integer(LEVEL_DEADLINES.get(1), "Response time of level 2 (joint meeting), minutes. 二级响应时限", 1440, 5, 43200),
                SettingDefinition.integer(LEVEL_DEADLINES.get(2), "Response time of level 3 (whistle), minutes. 三级响应时限", 4320, 5, 43200));
    }

    /** Categories are distinct words; routing names only those categories and community roles. */
    @Override
    public List<SettingProblem> validateSettings(ModuleSettings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        List<String> categories = settings.list(CATEGORIES);
        if (categories.isEmpty()) {
            problems.add(new SettingProblem(CATEGORIES, Msg.of("grid.gridModule.mustNameLeastOne")));
        }
        for (String category : categories) {
            if (!category.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(new SettingProblem(CATEGORIES, Msg.of("grid.gridModule.hasCategoryLowerCase", category)));
            }
        }
        if (new HashSet<>(categories).size() != categories.size()) {
            problems.add(new SettingProblem(CATEGORIES, Msg.of("grid.gridModule.namesCategoryTwice")));
        }
        Routing.problems(settings.string(ROUTING), categories)
                .forEach(problem -> problems.add(new SettingProblem(ROUTING, problem)));
        return problems;
    }
}
