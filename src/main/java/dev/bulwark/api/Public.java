package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a JAX-RS resource class or method public on purpose: anyone may call it, no token needed. Like
 * {@code @PermitAll}, it is an explicit decision; an endpoint with no decision at all is refused (deny by
 * default). A token sent to a public endpoint is still checked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
}
