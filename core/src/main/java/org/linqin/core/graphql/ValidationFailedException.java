package org.linqin.core.graphql;

import java.util.List;

import org.linqin.core.i18n.Msg;


import io.smallrye.graphql.api.ErrorCode;

/**
 * Input broke a rule. {@link #fieldErrors()} names each failing input field; clients find them in
 * {@code extensions.fields} as {@code [{field, message}]}.
 */
@ErrorCode("VALIDATION_FAILED")
public class ValidationFailedException extends ApiException {

    /** One failing input field, named by its path in the operation's arguments (e.g. {@code input.code}). */
    public record FieldError(String field, Msg message) {
    }

    private final List<FieldError> fieldErrors;

    public ValidationFailedException(List<FieldError> fieldErrors) {
        super(Msg.of("core.validation.failed", new FieldList(fieldErrors)));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ValidationFailedException of(String field, Msg message) {
        return new ValidationFailedException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** "field message; field message" in the language of the whole message. */
    private record FieldList(List<FieldError> errors) implements Msg.Rendered {
        @Override
        public String render(java.util.Locale locale) {
            StringBuilder text = new StringBuilder();
            for (FieldError e : errors) {
                if (!text.isEmpty()) {
                    text.append(org.linqin.core.i18n.Messages.isChinese(locale) ? "；" : "; ");
                }
                text.append(e.field()).append(' ').append(org.linqin.core.i18n.Messages.render(e.message(), locale));
            }
            return text.toString();
        }
    }
}
