package dev.bulwark.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OAuth2 scopes the verified token must carry: every scope of {@link #value()} (all-of) and, when
 * {@link #anyOf()} is set, at least one of those. Scopes come from the token's {@code scope} claim (a
 * space-delimited string, RFC 9068) or {@code scp} (an array), and match exactly: no prefix, wildcard or case
 * folding. On a JAX-RS resource class or method (the method's annotation replaces the class's), and on any CDI
 * bean method through its interceptor binding. Missing scopes: 403 with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="..."} naming the scopes that would do;
 * no token: 401.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScopes {

    /** All of these scopes. */
    @Nonbinding
    String[] value() default {};

    /** At least one of these scopes (in addition to all of {@link #value()}). */
    @Nonbinding
    String[] anyOf() default {};
}
