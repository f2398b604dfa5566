package org.linqin.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ModuleCatalogTest {

    record TestModule(String id, Set<String> dependsOn, List<SettingDefinition> settings) implements LinqinModule {
        TestModule(String id, String... dependsOn) {
            this(id, Set.of(dependsOn), List.of());
        }

        @Override
        public String name() {
            return id;
        }

        @Override
        public String nameZh() {
            return id;
        }

        @Override
        public String description() {
            return id;
        }

        @Override
        public String version() {
            return "1";
        }
    }

    @Test
    void acceptsModulesWhoseDependenciesAreInstalled() {
        ModuleCatalog catalog = ModuleCatalog.of(List.of(new TestModule("grid", "organisation"),
                new TestModule("organisation")));
        assertThat(catalog.all()).extracting(LinqinModule::id).containsExactly("grid", "organisation");
        assertThat(catalog.dependentsOf("organisation")).extracting(LinqinModule::id).containsExactly("grid");
        assertThat(catalog.inDependencyOrder()).extracting(LinqinModule::id).containsExactly("organisation", "grid");
    }

    @Test
    void refusesADuplicateId() {
        assertThatThrownBy(() -> ModuleCatalog.of(List.of(new TestModule("grid"), new TestModule("grid"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("module id 'grid' is declared twice");
    }

    @Test
    void refusesAModuleWithoutAChineseName() {
        LinqinModule unnamed = new LinqinModule() {
            @Override
            public String id() {
                return "grid";
            }

            @Override
            public String name() {
                return "Grid";
            }

            @Override
            public String nameZh() {
                return " ";
            }

            @Override
            public String description() {
                return "Grids";
            }

            @Override
            public String version() {
                return "1";
            }
        };
        assertThatThrownBy(() -> ModuleCatalog.of(List.of(unnamed)))
                .hasMessageContaining("module 'grid' must give a name, a Chinese name");
    }

    @Test
    void refusesAMissingDependencyNamingBothModules() {
        assertThatThrownBy(() -> ModuleCatalog.of(List.of(new TestModule("grid", "organisation"))))
                .hasMessageContaining("module 'grid' depends on module 'organisation', which is not installed");
    }

    @Test
    void refusesADependencyCycle() {
        assertThatThrownBy(() -> ModuleCatalog.of(List.of(new TestModule("a", "b"), new TestModule("b", "c"),
                new TestModule("c", "a"))))
                .hasMessageContaining("cycle").hasMessageContaining("a -> b -> c -> a");
    }

    @Test
    void refusesMalformedIdsAndInvalidDefaults() {
        assertThatThrownBy(() -> ModuleCatalog.of(List.of(new TestModule("Grid_Module"))))
                .hasMessageContaining("ids are lower-case words joined by hyphens");
        SettingDefinition broken = new SettingDefinition("limit", SettingType.INTEGER, "", "100", 0L, 10L, null);
        assertThatThrownBy(() -> ModuleCatalog.of(List.of(new TestModule("grid", Set.of(), List.of(broken)))))
                .hasMessageContaining("setting 'limit' has default '100' that must be between 0 and 10");
    }

    @Test
    void findsTheModuleOwningAClassByPackage() {
        ModuleCatalog catalog = ModuleCatalog.of(List.of(new TestModule("test")));
        // TestModule lives in org.linqin.core.module, so this test class (same package) belongs to it.
        assertThat(catalog.owning(ModuleCatalogTest.class)).map(LinqinModule::id).contains("test");
        assertThat(catalog.owning(String.class)).isEmpty();
    }
}
