package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Per-endpoint JSON body limits for a JAX-RS resource class or method (the method wins), replacing the
 * configured {@code bulwark.validation.*} defaults for the attributes that are set; {@code -1} keeps the default.
 * <pre>
 * &#64;POST &#64;JsonBodyLimits(maxBytes = 10_485_760, maxArrayLength = 100_000)
 * public Response importItems(List&lt;Item&gt; items) { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface JsonBodyLimits {

    long maxBytes() default -1;

    int maxDepth() default -1;

    int maxArrayLength() default -1;

    int maxObjectEntries() default -1;

    /**
     * Longest string value, in characters; {@code -1} keeps {@code bulwark.validation.json.max-string-length},
     * which by default leaves strings to the byte limit (this endpoint's {@link #maxBytes()} when set).
     */
    int maxStringLength() default -1;

    int maxKeyLength() default -1;

    int maxNumberLength() default -1;
}
