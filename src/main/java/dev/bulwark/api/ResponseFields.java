package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields a JAX-RS resource method's JSON response may carry: an allow-list, one view per occurrence. Every name
 * not on the caller's list is left out of the response while it is serialized (absent from the bytes, not
 * {@code null}), whatever the response type holds: nested objects, collections, maps (their keys are names),
 * records, {@code Optional}, generic wrappers and {@code Response} entities alike.
 *
 * <p>Paths are JSON names as written (after {@code @JsonbProperty} renames), joined by dots: {@code "id"},
 * {@code "orders.total"}. Arrays add no segment: {@code "orders.total"} is the total of every order of the list.
 * {@code *} is any one name at its level ({@code "prices.*"} for every key of a map). Naming a nested name allows
 * the objects on its way; an object reached by a path that names none of its members is written empty, so a field
 * added to a class later never leaves until a list names it.
 *
 * <p>Who gets a view: {@link #roles()} (any of them; from the verified token's {@code groups}, else the
 * container's roles), {@link #scopes()} (all of them), both when both are given; neither means any authenticated
 * caller; {@link #anonymous()} means every caller, anonymous ones included. A caller gets the union of every view
 * it qualifies for (the order of the views does not matter), and a caller that qualifies for none gets every
 * object empty. On a method or on its resource class (the method's views replace the class's), or on the response
 * type's class for endpoints that declare none.
 *
 * <p>Names that are {@link Sensitive} or match {@code bulwark.exposure.sensitive-names} never leave; a list naming
 * one fails the deployment. See docs/data-exposure.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ResponseFields.List.class)
public @interface ResponseFields {

    /** The JSON paths this view may return. */
    String[] value();

    /** Callers in any of these roles get this view. */
    String[] roles() default {};

    /** Callers whose token carries all of these scopes get this view. */
    String[] scopes() default {};

    /** Every caller, anonymous ones included, gets this view (no roles or scopes then). */
    boolean anonymous() default false;

    /** The container of repeated {@link ResponseFields}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        ResponseFields[] value();
    }
}
