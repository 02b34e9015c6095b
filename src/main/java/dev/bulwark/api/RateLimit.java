package dev.bulwark.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rate limit on a JAX-RS resource method or class (the method's annotations replace the class's, and both
 * replace the configured defaults). Repeat it for several limits at once, such as a burst and a sustained rate:
 * <pre>
 * &#64;RateLimit(name = "burst", rate = "10/1s")
 * &#64;RateLimit(name = "hourly", rate = "1000/1h", key = RateLimit.Key.PRINCIPAL)
 * </pre>
 * Requests are counted per matched endpoint (the resource method, so path spellings and HEAD/GET share one
 * count) or per {@link #group()}, and per key. Over the limit: 429 with Retry-After and RateLimit fields. It is
 * also a CDI interceptor binding: on a CDI bean method (a service called from several resources) every call is
 * counted, per method or group.
 */
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(RateLimits.class)
public @interface RateLimit {

    /** Whom a count belongs to. */
    enum Key {
        /** The client address (trusted-proxy aware). */
        IP,
        /** The verified token's subject; requests without a token count per client address. */
        PRINCIPAL,
        /** The API key header ({@code bulwark.ratelimit.api-key-header}); without it, per client address. */
        API_KEY,
        /** The key of the application's {@link RateLimitKeyResolver} named by {@link #resolver()}. */
        CUSTOM
    }

    /** The policy's name in the RateLimit-Policy field: a lower-case token. */
    @Nonbinding
    String name() default "default";

    /** {@code count/duration}, such as {@code 100/1m}, {@code 10/s}, {@code 5000/1h}. */
    @Nonbinding
    String rate();

    @Nonbinding
    Key key() default Key.IP;

    /** Endpoints sharing a group share their counts; empty means this endpoint alone. */
    @Nonbinding
    String group() default "";

    /** The CDI bean computing the key for {@link Key#CUSTOM}. */
    @Nonbinding
    Class<? extends RateLimitKeyResolver> resolver() default RateLimitKeyResolver.class;
}
