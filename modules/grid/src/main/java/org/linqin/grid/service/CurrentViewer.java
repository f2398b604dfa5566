package org.linqin.grid.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;

/** The caller's {@link Viewer}, kept for the rest of the request once worked out. */
@RequestScoped
public class CurrentViewer {

    private Viewer viewer;

    Viewer get(Supplier<Viewer> compute) {
        if (viewer == null) {
            viewer = compute.get();
        }
        return viewer;
    }
}
