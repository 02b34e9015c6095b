package dev.bulwark.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.headers.Facts;
import dev.bulwark.internal.headers.MapHeaders;
import dev.bulwark.internal.headers.ResponseFacts;
import org.junit.jupiter.api.Test;

class BearerChallengeWriterTest {

    private static final BearerChallengeWriter BEARER = new BearerChallengeWriter(true);
    private static final BearerChallengeWriter NO_TOKENS = new BearerChallengeWriter(false);

    /** The challenge after the writer ran on a response that carried {@code challenge} (or none), null for none. */
    private static String challengeAfter(BearerChallengeWriter writer, ResponseFacts facts, String challenge) {
        MapHeaders h = challenge == null ? new MapHeaders() : new MapHeaders("www-authenticate", challenge);
        writer.write(facts, h);
        return h.get("WWW-Authenticate");
    }

    @Test
    void aRequestWithoutCredentialsGetsTheChallengeWithoutAnErrorCode() {
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(false), BearerChallenges.INVALID_TOKEN))
                .isEqualTo("Bearer");
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(false), "bearer error=\"insufficient_scope\""))
                .isEqualTo("Bearer");
        assertThat(challengeAfter(NO_TOKENS, Facts.unauthenticated(false), BearerChallenges.INVALID_TOKEN))
                .as("whoever wrote it").isEqualTo("Bearer");
    }

    @Test
    void a401WithoutAnyChallengeGetsOneOnlyWhenBearerTokensAreInUse() {
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(false), null)).isEqualTo("Bearer");
        assertThat(challengeAfter(NO_TOKENS, Facts.unauthenticated(false), null)).isNull();
    }

    @Test
    void aRequestThatCarriedCredentialsKeepsItsErrorCode() {
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(true), BearerChallenges.INVALID_TOKEN))
                .isEqualTo(BearerChallenges.INVALID_TOKEN);
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(true), "Basic realm=\"api\""))
                .isEqualTo("Basic realm=\"api\"");
    }

    /** WildFly's MP-JWT mechanism refuses a token it cannot verify with a bare 401, before any filter runs. */
    @Test
    void a401WithoutAnyChallengeToARequestWithCredentialsGetsTheInvalidTokenChallenge() {
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(true), null)).isEqualTo(BearerChallenges.INVALID_TOKEN);
        assertThat(challengeAfter(NO_TOKENS, Facts.unauthenticated(true), null)).isNull();
    }

    @Test
    void otherSchemesChallengesAreLeftAlone() {
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(false), "Basic realm=\"api\""))
                .isEqualTo("Basic realm=\"api\"");
        assertThat(challengeAfter(BEARER, Facts.unauthenticated(false), "BearerX realm=\"x\""))
                .isEqualTo("BearerX realm=\"x\"");
    }

    @Test
    void onlyA401IsChecked() {
        assertThat(challengeAfter(BEARER, Facts.of(true, false, true), BearerChallenges.INVALID_TOKEN))
                .isEqualTo(BearerChallenges.INVALID_TOKEN);
        assertThat(challengeAfter(BEARER, Facts.anonymousTls(), null)).isNull();
    }
}
