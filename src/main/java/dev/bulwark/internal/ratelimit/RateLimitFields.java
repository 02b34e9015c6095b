package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.pipeline.RequestState;
import java.util.Map;

/**
 * The {@code RateLimit-Policy} and {@code RateLimit} fields of an allowed request, from the JAX-RS filter that
 * counted it to its response. Bulwark's servlet filter writes them with the security headers just before the
 * response commits, straight onto the container's response, when it wraps the request (its hook is then in the
 * state, {@code AsyncCommit.KEY}, and runs for an asynchronous response in Bulwark's last JAX-RS response filter);
 * a request it did not see gets them from the JAX-RS response filter instead. A field already
 * on the response is not written again. A 429 never gets them from here: it carries the fields of its own refusal.
 *
 * @param values the field names and values ({@link Limiter#check})
 */
public record RateLimitFields(Map<String, String> values) {

    /** The fields of this request's allowed call. */
    public static final RequestState.Key<RateLimitFields> ALLOWED =
            RequestState.Key.of("rate-limit fields", RateLimitFields.class);

    public RateLimitFields {
        values = Map.copyOf(values);
    }

    /** True when a response of this status carries the allowed call's fields (a 429 carries its refusal's). */
    public static boolean belongOn(int status) {
        return status != 429;
    }
}
