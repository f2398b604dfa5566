package org.linqin.noticeboard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.SettingDefinition;

/** Descriptor of the notice-board plugin (社区公告栏): notices the community committee publishes to residents. */
@ApplicationScoped
public class NoticeBoardModule implements LinqinModule {

    public static final String ID = "notice-board";
    public static final String MAX_PINNED = "max-pinned";
    public static final String SIGNATURE = "signature";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Notice board";
    }

    @Override
    public String nameZh() {
        return "社区公告栏";
    }

    @Override
    public String description() {
        return "Notices the community committee publishes to its residents; a few may be pinned.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.integer(MAX_PINNED, "How many notices may be pinned at once. 置顶公告上限", 3, 0, 20),
                SettingDefinition.string(SIGNATURE, "Signature shown under every notice. 公告落款", "社区党委", 40));
    }
}
