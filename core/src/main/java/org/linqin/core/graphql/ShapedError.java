package org.linqin.core.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * An error as clients see it: message, locations, path and {@code extensions} with the stable {@code code} (and
 * {@code fields} for validation). Unlike graphql-java's own errors it adds no {@code classification}, which would
 * tell clients the name of an internal Java exception type instead of something they can act on.
 */
public record ShapedError(String message, List<SourceLocation> locations, List<Object> path,
        Map<String, Object> extensions) implements GraphQLError {

    /** The classification graphql-java asks for; never written to the response. */
    public record Code(String value) implements ErrorClassification {
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    @Override
    public ErrorClassification getErrorType() {
        return new Code(String.valueOf(extensions.get("code")));
    }

    @Override
    public Map<String, Object> toSpecification() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            spec.put("locations", locations.stream().map(l -> Map.of("line", l.getLine(), "column", l.getColumn()))
                    .toList());
        }
        if (path != null && !path.isEmpty()) {
            spec.put("path", path);
        }
        spec.put("extensions", extensions);
        return spec;
    }
}
