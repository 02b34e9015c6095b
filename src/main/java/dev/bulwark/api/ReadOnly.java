package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property of a request body type that clients may never set (an id, an owner, a role, a status): a
 * request body that contains it is refused with 400 before it binds, so it cannot reach the application's data
 * (mass assignment, OWASP API3). Put it on the field, the getter, the setter or the record component.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface ReadOnly {
}
