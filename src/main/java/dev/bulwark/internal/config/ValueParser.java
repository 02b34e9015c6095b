package dev.bulwark.internal.config;

/**
 * Turns one raw configuration string into a typed value or says why it cannot.
 *
 * @param <T> the typed value
 */
public interface ValueParser<T> {

    T parse(String raw) throws InvalidValueException;

    /** The accepted form, shown to the user in deployment errors. */
    String acceptedForm();

    /** A short label of the value type for the Type column of docs/configuration.md, such as {@code boolean}. */
    String type();
}
