package dev.bulwark.internal.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The token policy. {@code inUse} when the application configures MicroProfile JWT verification; issuer and
 * audiences come from {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences}, {@code tokenCookie}
 * from {@code mp.jwt.token.cookie} when {@code mp.jwt.token.header=Cookie} (else null: the Authorization
 * header). {@code otherSchemes} are lower case.
 *
 * @param remoteKeys               the JWKS URL when the verification key is remote (HTTP or HTTPS), else null
 * @param verifiedTokensMaxEntries how many verified tokens are kept as read ({@link VerifiedTokens})
 */
public record JwtSettings(boolean inUse, String issuer, List<String> audiences, List<String> algorithms,
                          Duration clockSkew, Duration maxLifetime, Duration maxAge, boolean requireAtJwt,
                          boolean requireJti, int denyListMaxEntries, URI remoteKeys, Duration jwksMaxAge,
                          Duration jwksCooldown, JwtLintSettings lint, List<String> otherSchemes,
                          List<String> queryTokenParameters, String tokenCookie, int verifiedTokensMaxEntries) {
    public JwtSettings {
        audiences = List.copyOf(audiences);
        algorithms = List.copyOf(algorithms);
        otherSchemes = List.copyOf(otherSchemes);
        queryTokenParameters = List.copyOf(queryTokenParameters);
    }
}
