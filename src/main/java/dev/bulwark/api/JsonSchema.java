package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validates a JSON request body against a JSON Schema (draft 2020-12 unless the schema's {@code $schema} says
 * otherwise) after Bulwark's structural checks and before binding. Failures are 400 validation problems listing
 * the failing location and keyword, never the value. Needs {@code com.networknt:json-schema-validator} in the
 * application (an optional dependency of Bulwark); without it, the deployment fails.
 * <pre>
 * &#64;POST &#64;JsonSchema("schemas/order.json")
 * public Response create(NewOrder order) { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface JsonSchema {

    /** Class-path location of the schema, relative to the class-path root (for example {@code schemas/order.json}). */
    String value();
}
