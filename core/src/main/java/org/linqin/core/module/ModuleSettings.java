package org.linqin.core.module;

import java.util.List;
import java.util.Map;

/** The settings in force for one module in one community: declared defaults overlaid by what an admin set. */
public final class ModuleSettings {

    private final Map<String, String> values;

    public ModuleSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no setting '" + key + "'");
        }
        return value;
    }

    public long integer(String key) {
        return Long.parseLong(string(key).trim());
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(string(key));
    }

    public List<String> list(String key) {
        return SettingDefinition.splitList(string(key));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
