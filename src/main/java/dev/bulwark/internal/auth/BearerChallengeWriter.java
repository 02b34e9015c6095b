package dev.bulwark.internal.auth;

import dev.bulwark.internal.headers.HeaderWriter;
import dev.bulwark.internal.headers.ResponseFacts;
import dev.bulwark.internal.headers.ResponseHeaders;

/**
 * The bearer challenge of a 401 to a request that carried no credentials at all: no error code (RFC 6750 section
 * 3.1), whoever wrote the challenge (Bulwark, the container's MP-JWT, the application). A 401 without any challenge
 * gets one when bearer tokens are in use: {@link BearerChallenges#NO_CREDENTIALS} to a request without credentials,
 * {@link BearerChallenges#INVALID_TOKEN} to one that carried some (WildFly's MP-JWT mechanism refuses a token it
 * cannot verify before any filter runs, with a 401 and no challenge: the client gets the same challenge as from
 * Bulwark's own refusal). Other schemes' challenges are left alone.
 */
public final class BearerChallengeWriter implements HeaderWriter {

    private final boolean bearerTokens;

    /** @param bearerTokens the application verifies bearer tokens (MicroProfile JWT is in use) */
    public BearerChallengeWriter(boolean bearerTokens) {
        this.bearerTokens = bearerTokens;
    }

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        if (!facts.unauthenticated()) {
            return;
        }
        String challenge = headers.get(BearerChallenges.HEADER);
        if (facts.authenticated()) {
            if (challenge == null && bearerTokens) {
                headers.set(BearerChallenges.HEADER, BearerChallenges.INVALID_TOKEN);
            }
            return;
        }
        if (challenge == null ? bearerTokens : BearerChallenges.isBearer(challenge)) {
            headers.set(BearerChallenges.HEADER, BearerChallenges.NO_CREDENTIALS);
        }
    }
}
