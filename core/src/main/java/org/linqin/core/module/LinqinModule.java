package org.linqin.core.module;

import java.util.List;
import java.util.Set;

import org.linqin.core.i18n.Msg;

/**
 * The descriptor of a functional module or plugin: one CDI bean per module jar, in the module's root package.
 * Every {@code @GraphQLApi} class of the module lives in that package (or below it) and carries
 * {@link ModuleGuarded}, so its operations and fields answer {@code MODULE_DISABLED} where the module is off.
 * The module's Flyway migrations live in {@code db/<id>/} and are named {@code V<yyyyMMddHHmm>__<id>_<what>.sql}.
 */
public interface LinqinModule {

    /** Stable id, lower-case words joined by hyphens, e.g. {@code facility-booking}. */
    String id();

    /** English name. */
    String name();

    /** Chinese name, e.g. 场地预约. */
    String nameZh();

    String description();

    String version();

    /** Ids of modules that must be installed, and enabled in a community before this one. */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /**
     * Ids of modules this one uses where they are enabled, through their published interfaces, without needing
     * them (no hard dependency). Installed ones are started and given their demo data before this one.
     */
    default Set<String> uses() {
        return Set.of();
    }

    /** The settings a platform admin may set per community, with their defaults and rules. */
    default List<SettingDefinition> settings() {
        return List.of();
    }

    /**
     * Rules over the settings as a whole (one setting against another, references to roles or categories), checked
     * after every value passed its own rule, on the map as it would stand: every declared key present, unset ones
     * with their default. Returns the problems, each naming its setting key; empty when the settings hold. Also
     * applied to the defaults at start-up.
     */
    default List<SettingProblem> validateSettings(ModuleSettings settings) {
        return List.of();
    }

    /** A broken rule of {@link #validateSettings}: the setting it concerns and what is wrong, for humans. */
    record SettingProblem(String key, Msg message) {
    }

    /** Classpath folder of this module's migrations. */
    default String migrationsFolder() {
        return "db/" + id();
    }

    /** Runs inside the enabling transaction; throwing refuses the enablement and nothing is written. */
    default void onEnable(ModuleActivation activation) {
    }

    /** Runs inside the disabling transaction; the module's data stays. Throwing refuses the change. */
    default void onDisable(ModuleActivation activation) {
    }

    /**
     * Fills a demo community with example data. Called once, on the embedded default only, in a transaction that
     * addresses the community, after the community's places and people are seeded and the module is enabled.
     */
    default void seedDemoData(String communityCode) {
    }
}
