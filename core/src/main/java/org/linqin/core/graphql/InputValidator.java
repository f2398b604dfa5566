package org.linqin.core.graphql;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.linqin.core.i18n.Msg;


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
            throw ValidationFailedException.of(argument, Msg.of("core.input.required"));
        }
        List<ValidationFailedException.FieldError> errors = validator.validate(input).stream()
                .map(v -> new ValidationFailedException.FieldError(argument + "." + v.getPropertyPath(),
                        ConstraintMessages.of(v)))
                .sorted(Comparator.comparing(ValidationFailedException.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return input;
    }

    /** Throws {@code CONFLICT} when the client edited a version that is no longer current. */
    public static void checkVersion(Integer expected, int actual, Msg what) {
        if (expected != null && expected != actual) {
            throw new ConflictException(Msg.of("core.inputValidator.wasChangedSomeoneElse", what, actual, expected));
        }
    }
}
