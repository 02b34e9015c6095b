package dev.bulwark.internal.config;

/** Thrown by a {@link ValueParser} when a raw value does not have the accepted form. */
public final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String problem) {
        super(problem, null, false, false);
    }
}
