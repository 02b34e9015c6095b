package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.pipeline.RequestState;
import java.util.Map;

/**
 * The {@code RateLimit-Policy} and {@code RateLimit} fields of an allowed request, from the JAX-RS filter that
 * counted it to its response. Bulwark's servlet filter writes them with the security headers just before the
 * response commits, straight onto the container's response, when it wraps the request
 * ({@link #WRITTEN_AT_COMMIT}; an asynchronous response gets them from Bulwark's last JAX-RS response filter, see
 * {@code AsyncCommit}); a request it did not see gets them from the JAX-RS response filter instead. A field already
 * on the response is not written again. A 429 never gets them from here: it carries the fields of its own refusal.
 *
 * @param values the field names and values ({@link Limiter#check})
 */
public record RateLimitFields(Map<String, String> values) {

    /** The fields of this request's allowed call. */
    public static final RequestState.Key<RateLimitFields> ALLOWED =
            RequestState.Key.of("rate-limit fields", RateLimitFields.class);

    /** Set by Bulwark's servlet filter when it wraps the request: it writes {@link #ALLOWED} when the response commits. */
    public static final RequestState.Key<Boolean> WRITTEN_AT_COMMIT =
            RequestState.Key.of("rate-limit fields written at commit", Boolean.class);

    public RateLimitFields {
        values = Map.copyOf(values);
    }

    /** True when a response of this status carries the allowed call's fields (a 429 carries its refusal's). */
    public static boolean belongOn(int status) {
        return status != 429;
    }
}
