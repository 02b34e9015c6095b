package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A property that no endpoint ever returns, whatever any {@link ResponseFields} list says: on a field, a getter or
 * a record component (a password hash, an internal note). Bulwark's JSON-B serialization never reads it, and an
 * allow-list naming it fails the deployment. Applications can keep reading and writing it in Java as usual.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Sensitive {
}
