package org.linqin.core.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The installed modules, checked once: ids well-formed and unique, names, description and version given, every
 * dependency installed, no dependency cycle, settings declared once each with a valid default. Any problem is a
 * start-up failure with a message that names the modules involved.
 */
public final class ModuleCatalog {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<String, LinqinModule> byId;

    private ModuleCatalog(Map<String, LinqinModule> byId) {
        this.byId = byId;
    }

    public static ModuleCatalog of(Collection<? extends LinqinModule> modules) {
        List<String> problems = new ArrayList<>();
        Map<String, LinqinModule> byId = new LinkedHashMap<>();
        for (LinqinModule module : modules) {
            String id = module.id();
            if (id == null || !ID.matcher(id).matches()) {
                problems.add("module " + module.getClass().getName() + " has id '" + id
                        + "'; ids are lower-case words joined by hyphens");
                continue;
            }
            LinqinModule previous = byId.putIfAbsent(id, module);
            if (previous != null) {
                problems.add("module id '" + id + "' is declared twice: by " + className(previous) + " and by "
                        + className(module));
            }
            if (blank(module.name()) || blank(module.nameZh()) || blank(module.description())
                    || blank(module.version()) || module.dependsOn() == null || module.settings() == null) {
                // the schema publishes these as non-null (Module.name, nameZh, description, version, …)
                problems.add("module '" + id + "' must give a name, a Chinese name, a description, a version, "
                        + "its dependencies and its settings (empty ones rather than null)");
                continue;
            }
            checkSettings(module, problems);
        }
        for (LinqinModule module : byId.values()) {
            for (String dependency : module.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    problems.add("module '" + module.id() + "' depends on module '" + dependency
                            + "', which is not installed (add its jar to the server)");
                }
            }
        }
        if (problems.isEmpty()) {
            findCycle(byId).ifPresent(cycle -> problems.add("modules depend on each other in a cycle: " + cycle));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Linqin cannot start, the installed modules are inconsistent:\n - "
                    + String.join("\n - ", problems));
        }
        return new ModuleCatalog(byId);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static void checkSettings(LinqinModule module, List<String> problems) {
        Set<String> keys = new HashSet<>();
        for (SettingDefinition setting : module.settings()) {
            if (!keys.add(setting.key())) {
                problems.add("module '" + module.id() + "' declares setting '" + setting.key() + "' twice");
            }
            setting.check(setting.defaultValue()).ifPresent(why -> problems.add("module '" + module.id()
                    + "' setting '" + setting.key() + "' has default '" + setting.defaultValue() + "' that " + why));
        }
        if (problems.isEmpty()) {
            module.validateSettings(ModuleService.effective(module, Map.of())).forEach(problem -> problems.add(
                    "module '" + module.id() + "' has defaults that break a rule: " + problem.key() + " "
                            + problem.message()));
        }
    }

    private static Optional<String> findCycle(Map<String, LinqinModule> byId) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String id : byId.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(id, byId, state, path)) {
                return Optional.of(String.join(" -> ", path));
            }
        }
        return Optional.empty();
    }

    private static boolean visit(String id, Map<String, LinqinModule> byId, Map<String, Integer> state,
            List<String> path) {
        Integer seen = state.get(id);
        if (seen != null) {
            if (seen == 1) {
                path.add(id);
                return true;
            }
            return false;
        }
        state.put(id, 1);
        path.add(id);
        for (String dependency : byId.get(id).dependsOn()) {
            if (visit(dependency, byId, state, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return false;
    }

    private static String className(LinqinModule module) {
        return module.getClass().getName().replaceFirst("_ClientProxy$", "");
    }

    public Collection<LinqinModule> all() {
        return byId.values();
    }

    /** Every module after the modules it depends on and the installed modules it uses. */
    public List<LinqinModule> inDependencyOrder() {
        List<LinqinModule> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (LinqinModule module : byId.values()) {
            place(module, placed, ordered);
        }
        return ordered;
    }

    private void place(LinqinModule module, Set<String> placed, List<LinqinModule> ordered) {
        if (placed.add(module.id())) {
            module.dependsOn().stream().sorted().forEach(d -> place(byId.get(d), placed, ordered));
            module.uses().stream().sorted().filter(byId::containsKey).forEach(u -> place(byId.get(u), placed, ordered));
            ordered.add(module);
        }
    }

    public Optional<LinqinModule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Installed modules that declare {@code id} as a dependency. */
    public List<LinqinModule> dependentsOf(String id) {
        return byId.values().stream().filter(m -> m.dependsOn().contains(id)).toList();
    }

    /** The module whose descriptor's package contains {@code type}, if any. */
    public Optional<LinqinModule> owning(Class<?> type) {
        String name = type.getName();
        LinqinModule best = null;
        int bestLength = -1;
        for (LinqinModule module : byId.values()) {
            String pkg = packageOf(module) + ".";
            if (name.startsWith(pkg) && pkg.length() > bestLength) {
                best = module;
                bestLength = pkg.length();
            }
        }
        return Optional.ofNullable(best);
    }

    private static String packageOf(LinqinModule module) {
        String name = className(module);
        return name.substring(0, name.lastIndexOf('.'));
    }
}
