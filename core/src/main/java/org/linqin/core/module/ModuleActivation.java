package org.linqin.core.module;

/** What an enable or disable hook is told: the community, the settings in force and who asked. */
public record ModuleActivation(String communityCode, ModuleSettings settings, String actor) {
}
