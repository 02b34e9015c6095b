package dev.bulwark.validation;

/**
 * Structural limits of one JSON request body, checked while it streams in, before anything binds it.
 *
 * @param maxBodyBytes     bytes of body (413 beyond)
 * @param maxDepth         nesting of objects and arrays
 * @param maxArrayLength   elements of any one array
 * @param maxObjectEntries members of any one object
 * @param maxStringLength  characters (UTF-16 units) of any one string value
 * @param maxKeyLength     characters of any one member name
 * @param maxNumberLength  characters of any one number literal
 */
public record JsonLimits(long maxBodyBytes, int maxDepth, int maxArrayLength, int maxObjectEntries,
                         int maxStringLength, int maxKeyLength, int maxNumberLength) {

    /** Exponents beyond this (in either direction) are absurd for any Java number type and rejected. */
    public static final int MAX_EXPONENT = 400;

    public JsonLimits {
        if (maxBodyBytes < 1 || maxDepth < 1 || maxArrayLength < 1 || maxObjectEntries < 1 || maxStringLength < 1
                || maxKeyLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }
}
