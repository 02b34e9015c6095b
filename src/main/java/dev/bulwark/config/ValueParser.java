package dev.bulwark.config;

/**
 * Turns one raw configuration string into a typed value or says why it cannot.
 *
 * @param <T> the typed value
 */
public interface ValueParser<T> {

    T parse(String raw) throws InvalidValueException;

    /** The accepted form, shown to the user in deployment errors and in docs/configuration.md. */
    String acceptedForm();
}
