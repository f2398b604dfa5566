package org.linqin.core.module.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.ModuleState;
import org.linqin.core.module.SettingDefinition;
import org.linqin.core.module.SettingType;

/** GraphQL types of the module catalogue and of enablement per community. */
public final class ModuleTypes {

    private ModuleTypes() {
    }

    @Name("Module")
    @Description("A module or plugin installed on this server. 功能模块")
    public record ModuleView(
            @NonNull @Description("Stable id, e.g. `notice-board`. 模块标识") String id,
            @NonNull @Description("English name. 英文名") String name,
            @NonNull @Description("Chinese name. 中文名") String nameZh,
            @NonNull @Description("What it does. 说明") String description,
            @NonNull @Description("Version of the installed jar. 版本") String version,
            @NonNull @Description("Ids of modules that must be enabled first. 依赖模块") List<@NonNull String> dependsOn,
            @Description("The settings it declares, with types, defaults and rules. 设置项") @NonNull List<@NonNull SettingDeclaration> settings) {

        public static ModuleView of(LinqinModule m) {
            return new ModuleView(m.id(), m.name(), m.nameZh(), m.description(), m.version(),
                    m.dependsOn().stream().sorted().toList(),
                    m.settings().stream().map(SettingDeclaration::of).toList());
        }
    }

    @Description("A setting a module declares. 模块设置项声明")
    public record SettingDeclaration(
            @NonNull @Description("Key. 键") String key,
            @NonNull @Description("Value type. 类型") SettingType type,
            @Description("What it controls. 说明") String description,
            @Description("Value used until an admin sets one. 默认值") String defaultValue,
            @Description("Least value (INTEGER) or least length (STRING). 最小值") Long min,
            @Description("Greatest value (INTEGER) or greatest length (STRING). 最大值") Long max,
            @NonNull @Description("Allowed values (CHOICE, CHOICE_LIST). 可选值") List<@NonNull String> allowedValues) {

        static SettingDeclaration of(SettingDefinition d) {
            return new SettingDeclaration(d.key(), d.type(), d.description(), d.defaultValue(), d.min(), d.max(),
                    d.allowedValues());
        }
    }

    @Description("A setting's value in force. 设置值")
    public record SettingValue(
            @NonNull @Description("Key. 键") String key,
            @Description("Value as text (numbers in decimal, booleans as true/false, lists comma-separated). 值") String value) {
    }

    @Name("SettingValueInput")
    @Description("A setting to change. 设置值")
    public record SettingValueInput(
            @NonNull @Description("Key, one the module declares. 键") String key,
            @NonNull @Description("Value as text. 值") String value) {
    }

    @Name("CommunityModule")
    @Description("A module as it stands in one community. 社区模块状态")
    public record CommunityModuleView(
            @NonNull @Description("The module. 模块") ModuleView module,
            @Description("Whether it is enabled in this community. 是否启用") boolean enabled,
            @Description("Settings in force (declared defaults unless an admin set them). 设置") @NonNull List<@NonNull SettingValue> settings,
            @Description("Who last enabled, disabled or configured it here. 最后修改人") String changedBy,
            @Description("When that was. 最后修改时间") OffsetDateTime changedAt) {

        public static CommunityModuleView of(ModuleState s) {
            return new CommunityModuleView(ModuleView.of(s.module()), s.enabled(),
                    s.settings().asMap().entrySet().stream().map(e -> new SettingValue(e.getKey(), e.getValue()))
                            .toList(),
                    s.changedBy(), s.changedAt());
        }
    }

    static Map<String, String> toMap(List<SettingValueInput> settings) {
        if (settings == null) {
            return Map.of();
        }
        Map<String, String> map = new java.util.LinkedHashMap<>();
        settings.forEach(s -> map.put(s.key(), s.value()));
        return map;
    }
}
