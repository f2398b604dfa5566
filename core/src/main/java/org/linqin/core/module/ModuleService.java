package org.linqin.core.module;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.graphql.ValidationFailedException.FieldError;
import org.linqin.core.i18n.Msg;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;

/** Enabling, disabling and configuring modules per community; the settings modules read at run time. */
@ApplicationScoped
public class ModuleService {

    @Inject
    ModuleRegistry registry;

    @Inject
    EnabledModules enabledModules;

    @Inject
    CommunityDirectory directory;

    @Inject
    CommunityContext context;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    public LinqinModule module(String id) {
        return registry.find(id).orElseThrow(() -> new NotFoundException(Msg.of("core.thing.module"), id));
    }

    /** The settings in force for {@code moduleId} in the addressed community. */
    public ModuleSettings settings(String moduleId) {
        LinqinModule module = module(moduleId);
        return effective(module, enabledModules.settingsSet(context.require(), moduleId));
    }

    /** Every installed module as it stands in each of the communities, in one query, in their order. */
    public List<List<ModuleState>> states(List<String> communityCodes) {
        Map<String, List<ModuleEnablement>> rows = ModuleEnablement.<ModuleEnablement> list(
                "communityCode in ?1", communityCodes).stream()
                .collect(Collectors.groupingBy(e -> e.communityCode));
        List<List<ModuleState>> result = new ArrayList<>(communityCodes.size());
        for (String code : communityCodes) {
            Map<String, ModuleEnablement> byModule = rows.getOrDefault(code, List.of()).stream()
                    .collect(Collectors.toMap(e -> e.moduleId, e -> e));
            result.add(registry.all().stream().map(m -> state(m, byModule.get(m.id()))).toList());
        }
        return result;
    }

    @Transactional
    public ModuleState enable(String communityCode, String moduleId, Map<String, String> settings) {
        LinqinModule module = module(moduleId);
        requireCommunity(communityCode);
        List<String> missing = module.dependsOn().stream()
                .filter(dependency -> !enabledModules.isEnabled(communityCode, dependency)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new ConflictException(
                    Msg.of("core.module.moduleNeedsEnabledCommunity", moduleId, missing, communityCode));
        }
        ModuleEnablement row = rowFor(communityCode, moduleId);
        Map<String, String> merged = validated(module, row.settings, settings);
        boolean wasEnabled = row.enabled;
        row.enabled = true;
        row.settings = merged;
        touch(row);
        if (!wasEnabled) {
            module.onEnable(new ModuleActivation(communityCode, effective(module, merged), caller.actor()));
        }
        enabledModules.changed(communityCode);
        audit.record(communityCode, "module.enabled", "module", moduleId, Map.of("settings", merged));
        return state(module, row);
    }

    @Transactional
    public ModuleState disable(String communityCode, String moduleId) {
        LinqinModule module = module(moduleId);
        requireCommunity(communityCode);
        List<String> dependents = registry.catalog().dependentsOf(moduleId).stream()
                .map(LinqinModule::id).filter(id -> enabledModules.isEnabled(communityCode, id)).sorted().toList();
        if (!dependents.isEmpty()) {
            throw new ConflictException(
                    Msg.of("core.module.moduleNeededEnabledCommunity", moduleId, dependents, communityCode));
        }
        ModuleEnablement row = rowFor(communityCode, moduleId);
        if (row.enabled) {
            row.enabled = false;
            touch(row);
            module.onDisable(new ModuleActivation(communityCode, effective(module, row.settings), caller.actor()));
            enabledModules.changed(communityCode);
            audit.record(communityCode, "module.disabled", "module", moduleId, Map.of());
        }
        return state(module, row);
    }

    @Transactional
    public ModuleState updateSettings(String communityCode, String moduleId, Map<String, String> settings) {
        LinqinModule module = module(moduleId);
        requireCommunity(communityCode);
        ModuleEnablement row = rowFor(communityCode, moduleId);
        row.settings = validated(module, row.settings, settings);
        touch(row);
        enabledModules.changed(communityCode);
        audit.record(communityCode, "module.settings-updated", "module", moduleId, Map.of("settings", settings));
        return state(module, row);
    }

    private void requireCommunity(String communityCode) {
        if (communityCode == null || !CommunityContext.CODE.matcher(communityCode).matches()
                || !directory.exists(communityCode)) {
            throw new NotFoundException(Msg.of("core.thing.community"), communityCode);
        }
    }

    private ModuleEnablement rowFor(String communityCode, String moduleId) {
        ModuleEnablement row = ModuleEnablement.find(communityCode, moduleId);
        if (row == null) {
            row = new ModuleEnablement();
            row.communityCode = communityCode;
            row.moduleId = moduleId;
            row.settings = new HashMap<>();
        }
        return row;
    }

    private void touch(ModuleEnablement row) {
        row.changedBy = caller.actor();
        row.changedAt = OffsetDateTime.now();
        if (!row.isPersistent()) {
            row.persist();
        }
    }

    private ModuleState state(LinqinModule module, ModuleEnablement row) {
        return row == null ? new ModuleState(module, false, effective(module, Map.of()), null, null)
                : new ModuleState(module, row.enabled, effective(module, row.settings), row.changedBy, row.changedAt);
    }

    /** Checks every given value against the module's declarations; all problems are reported at once. */
    private static Map<String, String> validated(LinqinModule module, Map<String, String> current,
            Map<String, String> changes) {
        Map<String, SettingDefinition> declared = module.settings().stream()
                .collect(Collectors.toMap(SettingDefinition::key, s -> s));
        List<FieldError> errors = new ArrayList<>();
        changes.forEach((key, value) -> {
            SettingDefinition definition = declared.get(key);
            if (definition == null) {
                errors.add(new FieldError("settings." + key,
                        Msg.of("core.module.notSettingModuleHas", module.id(), declared.keySet())));
            } else {
                definition.check(value).ifPresent(why -> errors.add(new FieldError("settings." + key, why)));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        Map<String, String> merged = new HashMap<>(current);
        merged.putAll(changes);
        module.validateSettings(effective(module, merged)).forEach(problem -> errors.add(
                new FieldError("settings." + problem.key(), problem.message())));
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return merged;
    }

    static ModuleSettings effective(LinqinModule module, Map<String, String> set) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingDefinition definition : module.settings()) {
            values.put(definition.key(), set.getOrDefault(definition.key(), definition.defaultValue()));
        }
        return new ModuleSettings(values);
    }
}
