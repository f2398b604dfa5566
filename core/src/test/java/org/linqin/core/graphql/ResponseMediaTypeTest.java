package org.linqin.core.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseMediaTypeTest {

    private static final String GRAPHQL = ResponseMediaType.GRAPHQL_RESPONSE_JSON;
    private static final String JSON = ResponseMediaType.JSON;

    @Test
    void noPreferenceMeansJson() {
        assertThat(ResponseMediaType.negotiate(null)).contains(JSON);
        assertThat(ResponseMediaType.negotiate("  ")).contains(JSON);
        assertThat(ResponseMediaType.negotiate("*/*")).contains(JSON);
        assertThat(ResponseMediaType.negotiate("application/*")).contains(JSON);
    }

    @Test
    void qualityDecidesThenSpecificityThenTheNewerType() {
        assertThat(ResponseMediaType.negotiate(GRAPHQL)).contains(GRAPHQL);
        assertThat(ResponseMediaType.negotiate("Application/JSON")).contains(JSON);
        assertThat(ResponseMediaType.negotiate(GRAPHQL + ";q=0.5, application/json;q=0.9")).contains(JSON);
        assertThat(ResponseMediaType.negotiate(GRAPHQL + ", application/json;q=0.9")).contains(GRAPHQL);
        assertThat(ResponseMediaType.negotiate("application/json, " + GRAPHQL)).contains(GRAPHQL);
        assertThat(ResponseMediaType.negotiate("*/*;q=0.8, " + GRAPHQL + ";q=0.8")).contains(GRAPHQL);
        assertThat(ResponseMediaType.negotiate("application/json;q=0, */*")).contains(GRAPHQL);
        assertThat(ResponseMediaType.negotiate("text/html,application/xhtml+xml,*/*;q=0.8")).contains(JSON);
    }

    @Test
    void nothingAcceptableIsEmpty() {
        assertThat(ResponseMediaType.negotiate("text/html")).isEmpty();
        assertThat(ResponseMediaType.negotiate("application/json;q=0")).isEmpty();
        assertThat(ResponseMediaType.negotiate("application/json;charset=iso-8859-1")).isEmpty();
        assertThat(ResponseMediaType.negotiate("application/json;q=2")).isEmpty();
        assertThat(ResponseMediaType.negotiate("application")).isEmpty();
        assertThat(ResponseMediaType.negotiate(",;=,")).isEmpty();
    }

    @Test
    void utf8IsAcceptedByName() {
        assertThat(ResponseMediaType.negotiate("application/json; charset=UTF-8")).contains(JSON);
        assertThat(ResponseMediaType.negotiate(GRAPHQL + ";charset=\"utf-8\"")).contains(GRAPHQL);
    }
}
