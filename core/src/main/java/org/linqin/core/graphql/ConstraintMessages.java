package org.linqin.core.graphql;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;

import org.linqin.core.i18n.Msg;


/**
 * A Bean Validation failure as a message of the bundles, never Hibernate Validator's own words (which show a
 * {@code @Pattern}'s regular expression): a constraint whose message is a key of the bundles in braces uses that key;
 * any other gets the kernel's wording of the constraint ({@code core.constraint.<Name>}); the constraint's attributes
 * ({@code min}, {@code max}, {@code value}) are the named arguments.
 */
public final class ConstraintMessages {

    private ConstraintMessages() {
    }

    public static Msg of(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = new HashMap<>();
        violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
            if (value instanceof Number || value instanceof String || value instanceof Boolean) {
                attributes.put(name, value);
            }
        });
        String template = violation.getMessageTemplate();
        if (template != null && template.matches("\\{[a-z][\\w.]*\\}") && !template.startsWith("{jakarta.")
                && !template.startsWith("{org.hibernate.")) {
            return Msg.named(template.substring(1, template.length() - 1), attributes);
        }
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String key = "core.constraint." + constraint;
        if (constraint.equals("Size")) {
            Object min = attributes.get("min");
            Object max = attributes.get("max");
            if (Integer.valueOf(0).equals(min)) {
                key = "core.constraint.Size.max";
            } else if (Integer.valueOf(Integer.MAX_VALUE).equals(max)) {
                key = "core.constraint.Size.min";
            }
        }
        return Msg.named(org.linqin.core.i18n.Messages.english().containsKey(key) ? key : "core.constraint.other",
                attributes);
    }
}
