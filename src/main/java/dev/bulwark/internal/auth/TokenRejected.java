package dev.bulwark.internal.auth;

/** Why a bearer token was refused: for the server log only; the client always sees the same 401. */
public final class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public TokenRejected(String reason) {
        super(reason, null, false, false);
    }
}
