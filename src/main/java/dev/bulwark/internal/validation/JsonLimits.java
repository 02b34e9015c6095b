package dev.bulwark.internal.validation;

/**
 * Structural limits of one JSON request body, checked while it streams in, before anything binds it.
 *
 * @param maxBodyBytes     bytes of body (413 beyond)
 * @param maxDepth         nesting of objects and arrays
 * @param maxArrayLength   elements of any one array
 * @param maxObjectEntries members of any one object
 * @param maxStringLength  characters (UTF-16 units) of any one string value, or {@link #BOUNDED_BY_BODY}
 * @param maxKeyLength     characters of any one member name
 * @param maxNumberLength  characters of any one number literal
 */
public record JsonLimits(long maxBodyBytes, int maxDepth, int maxArrayLength, int maxObjectEntries,
                         int maxStringLength, int maxKeyLength, int maxNumberLength) {

    /**
     * The string limit that leaves strings to the byte limit alone: a string never has more UTF-16 units than the
     * body has bytes (every character takes at least one byte, one outside the BMP four bytes for two units, an
     * escape six bytes for one), so {@link #maxBodyBytes()}, the configured one or an endpoint's own, always stops a
     * string first.
     */
    public static final int BOUNDED_BY_BODY = Integer.MAX_VALUE;

    /** Exponents beyond this (in either direction) are absurd for any Java number type and rejected. */
    public static final int MAX_EXPONENT = 400;

    public JsonLimits {
        if (maxBodyBytes < 1 || maxDepth < 1 || maxArrayLength < 1 || maxObjectEntries < 1 || maxStringLength < 1
                || maxKeyLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }
}
