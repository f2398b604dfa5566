package org.linqin.testmodules;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.core.module.LinqinModule;

/** A module present only in the tests, to prove dependency rules: it depends on the notice-board plugin. */
@ApplicationScoped
public class NoticeDigestModule implements LinqinModule {

    @Override
    public String id() {
        return "notice-digest";
    }

    @Override
    public String name() {
        return "Notice digest (test module)";
    }

    @Override
    public String nameZh() {
        return "公告摘要（测试模块）";
    }

    @Override
    public String description() {
        return "Exists in tests only; depends on notice-board.";
    }

    @Override
    public String version() {
        return "0.0.1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of("notice-board");
    }
}
