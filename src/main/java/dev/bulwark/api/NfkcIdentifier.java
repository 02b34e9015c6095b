package dev.bulwark.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation constraint for identifiers (user names, slugs, handles): the value must already be in Unicode
 * NFKC form and contain no control, bidi or invisible formatting characters, so that two spellings that look
 * alike ("ﬁle" and "file", full-width "ａｄｍｉｎ" and "admin") cannot name two different things. Normalize
 * input with {@code dev.bulwark.internal.validation.Identifiers.normalize} before storing it, or reject it with this.
 * Null is valid (combine with {@code @NotNull}).
 */
@Documented
// The validator is registered through META-INF/services/jakarta.validation.ConstraintValidator, so that this
// package names no Bulwark internals.
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE})
public @interface NfkcIdentifier {

    String message() default "must be a normalized identifier (NFKC, no control or formatting characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
