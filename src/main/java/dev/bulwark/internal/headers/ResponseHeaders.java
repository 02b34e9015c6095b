package dev.bulwark.internal.headers;

/**
 * The headers of one response as a {@link HeaderWriter} sees them: whatever container holds them (a servlet
 * response, a map in a test) adapts to these three calls. Names are case-insensitive.
 */
public interface ResponseHeaders {

    boolean contains(String name);

    /** The first value of the header, or null. */
    String get(String name);

    /** Replaces every value of the header; a null value removes it. */
    void set(String name, String value);

    /** Sets a header the caller knows is absent (it asked {@link #contains}): may be cheaper than {@link #set}. */
    default void setAbsent(String name, String value) {
        set(name, value);
    }
}
