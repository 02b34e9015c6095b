package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Object-level authorization (OWASP API1, BOLA): the value of a path parameter, query parameter or top-level
 * body member identifies an owned object, and the {@link ObjectAccessPolicy} bean of type {@link #policy()}
 * decides whether the caller may reach it. A refused object answers exactly like a missing one (404 by default,
 * {@code bulwark.authz.object-denied-status=403} to answer 403).
 * <pre>
 * &#64;GET &#64;Path("/{id}")
 * &#64;OwnedBy(value = "id", policy = OrderAccess.class)
 * public Order get(&#64;PathParam("id") long id) { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnedBy {

    /** Where the id comes from. */
    enum Source { PATH, QUERY, BODY }

    /** The name of the path or query parameter, or of the top-level JSON member of the body. */
    String value();

    Source source() default Source.PATH;

    /** The CDI bean that decides. */
    Class<? extends ObjectAccessPolicy> policy();
}
