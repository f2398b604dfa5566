package org.linqin.testmodules.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/**
 * An operation as a careless module author would write it: no security annotation and no public declaration.
 * Present in tests only (and left out of the published schema), to prove that the kernel still refuses it to
 * callers who are not members of the addressed community.
 */
@GraphQLApi
public class UndeclaredApi {

    public static final String NAME = "testOnlyUndeclaredOperation";

    @Query(NAME)
    @Description("Test module: an operation without any access declaration.")
    public String undeclared() {
        return "reached";
    }
}
