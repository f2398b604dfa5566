package org.linqin.grid.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final List<String> CATEGORIES = List.of("safety", "fire-hazard", "other");

    @Test
    void aWellFormedRoutingHasNoProblems() {
        assertThat(Routing.problems("safety=grid-worker, fire-hazard=property-staff@42,other=community-admin",
                CATEGORIES)).isEmpty();
    }

    @Test
    void eachBrokenPairIsNamed() {
        assertThat(Routing.problems("this is not routing", CATEGORIES)).singleElement().asString()
                .contains("not category=role");
        assertThat(Routing.problems("safety=janitor", CATEGORIES)).singleElement().asString()
                .contains("'janitor'").contains("not a community role");
        assertThat(Routing.problems("flood=grid-worker", CATEGORIES)).singleElement().asString()
                .contains("'flood'").contains("not one of the categories");
        assertThat(Routing.problems("safety=grid-worker@x1", CATEGORIES)).singleElement().asString()
                .contains("not category=role");
        assertThat(Routing.problems("safety=grid-worker,safety=property-staff", CATEGORIES)).singleElement()
                .asString().contains("twice");
    }
}
