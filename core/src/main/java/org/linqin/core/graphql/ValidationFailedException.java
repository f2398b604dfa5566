package org.linqin.core.graphql;

import java.util.List;
import java.util.stream.Collectors;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Input broke a rule. {@link #fieldErrors()} names each failing input field; clients find them in
 * {@code extensions.fields} as {@code [{field, message}]}.
 */
@ErrorCode("VALIDATION_FAILED")
public class ValidationFailedException extends ApiException {

    /** One failing input field, named by its path in the operation's arguments (e.g. {@code input.code}). */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> fieldErrors;

    public ValidationFailedException(List<FieldError> fieldErrors) {
        super("Validation failed: " + fieldErrors.stream()
                .map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; ")));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
