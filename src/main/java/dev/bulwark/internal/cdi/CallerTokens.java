package dev.bulwark.internal.cdi;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.auth.TokenRejected;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The current caller's token for Bulwark's CDI interceptors, which cannot see the request Bulwark's servlet filter
 * checked: the container's token, after the whole token policy ({@link TokenGate#check}) has run on exactly it.
 */
public final class CallerTokens {

    private CallerTokens() {
    }

    /**
     * @return the caller's token once it passed every check, or null when the caller has none
     * @throws TokenRejected when the caller's token breaks the policy
     */
    public static RawToken current() throws TokenRejected {
        String raw;
        try {
            Instance<JsonWebToken> tokens = CDI.current().select(JsonWebToken.class);
            raw = tokens.isResolvable() ? tokens.get().getRawToken() : null;
        } catch (RuntimeException e) {
            raw = null; // no request, or no MicroProfile JWT: no token
        }
        if (raw == null) {
            return null;
        }
        TokenGate gate = BulwarkExtension.current().tokenGate();
        if (gate == null) {
            throw new TokenRejected("a token-authenticated caller while Bulwark's token policy is not configured");
        }
        return gate.check(raw);
    }
}
