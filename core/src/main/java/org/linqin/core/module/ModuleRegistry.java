package org.linqin.core.module;

import java.util.Collection;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Finds every {@link LinqinModule} bean on the classpath and checks them at start-up (fails fast). */
@ApplicationScoped
public class ModuleRegistry {

    private static final Logger LOG = Logger.getLogger(ModuleRegistry.class);

    @Inject
    Instance<LinqinModule> modules;

    private ModuleCatalog catalog;

    @PostConstruct
    void discover() {
        catalog = ModuleCatalog.of(modules.stream().toList());
    }

    void onStart(@Observes StartupEvent event) {
        catalog.all().forEach(m -> LOG.infof("Module installed: %s %s (%s)", m.id(), m.version(), m.name()));
    }

    public Collection<LinqinModule> all() {
        return catalog.all();
    }

    public Optional<LinqinModule> find(String id) {
        return catalog.find(id);
    }

    public ModuleCatalog catalog() {
        return catalog;
    }
}
