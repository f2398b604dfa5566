package org.linqin.core.graphql;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/**
 * Checks an input object's Bean Validation constraints and reports every failing field at once as
 * {@code VALIDATION_FAILED}, fields named {@code <argument>.<path>}.
 */
@ApplicationScoped
public class InputValidator {

    @Inject
    Validator validator;

    public <T> T validate(String argument, T input) {
        if (input == null) {
            throw ValidationFailedException.of(argument, "is required");
        }
        List<ValidationFailedException.FieldError> errors = validator.validate(input).stream()
                .map(v -> new ValidationFailedException.FieldError(argument + "." + v.getPropertyPath(), v.getMessage()))
                .sorted(Comparator.comparing(ValidationFailedException.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return input;
    }

    /** Throws {@code CONFLICT} when the client edited a version that is no longer current. */
    public static void checkVersion(Integer expected, int actual, String what) {
        if (expected != null && expected != actual) {
            throw new ConflictException(what + " was changed by someone else (version " + actual
                    + ", you edited version " + expected + "): read it again and retry");
        }
    }
}
