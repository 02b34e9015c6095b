package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides one of Bulwark's security response headers for a JAX-RS resource class or method (the method wins
 * over the class). {@code value = "off"} removes the header for that resource; {@code value = "default"} on a
 * method drops its class's override of that header (the configured value again); any other value replaces the
 * configured one, and must pass the same check as the header's {@code bulwark.headers.*} key (a value the
 * configuration refuses, such as {@code Referrer-Policy: unsafe-url} or {@code X-Frame-Options: ALLOW-FROM ...},
 * fails the deployment naming the method). Example, for an endpoint that serves an HTML page:
 *
 * <pre>
 * &#64;GET &#64;Path("/docs")
 * &#64;SecurityHeader(name = "Content-Security-Policy", value = "default-src 'self'; frame-ancestors 'none'")
 * public String docs() { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(SecurityHeaders.class)
public @interface SecurityHeader {

    /** The header name, for example {@code Content-Security-Policy}. */
    String name();

    /** The value to send, {@code off} to send none, or {@code default} for the configured value. */
    String value();
}
