package dev.bulwark.internal.apikeys;

/**
 * An API key store cannot be read or written now (a database error, a key file that never could be read): the
 * request that needed it gets a 503 with {@code Retry-After}, never a pass. The message names the store and the
 * kind of failure, never a hash, a key or a driver's message.
 */
public final class KeyStoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
