package dev.bulwark.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.headers.Facts;
import dev.bulwark.headers.MapHeaders;
import org.junit.jupiter.api.Test;

class BearerChallengeWriterTest {

    private static final BearerChallengeWriter BEARER = new BearerChallengeWriter(true);
    private static final BearerChallengeWriter NO_TOKENS = new BearerChallengeWriter(false);

    @Test
    void aRequestWithoutCredentialsGetsTheChallengeWithoutAnErrorCode() {
        MapHeaders h = new MapHeaders("WWW-Authenticate", BearerChallenges.INVALID_TOKEN);
        BEARER.write(Facts.unauthenticated(false), h);
        assertThat(h.get("WWW-Authenticate")).isEqualTo("Bearer");
        MapHeaders scoped = new MapHeaders("www-authenticate", "bearer error=\"insufficient_scope\", scope=\"a\"");
        BEARER.write(Facts.unauthenticated(false), scoped);
        assertThat(scoped.get("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void a401WithoutAnyChallengeGetsOneOnlyWhenBearerTokensAreInUse() {
        MapHeaders h = new MapHeaders();
        BEARER.write(Facts.unauthenticated(false), h);
        assertThat(h.get("WWW-Authenticate")).isEqualTo("Bearer");
        MapHeaders none = new MapHeaders();
        NO_TOKENS.write(Facts.unauthenticated(false), none);
        assertThat(none.all()).isEmpty();
    }

    @Test
    void aRequestThatCarriedCredentialsKeepsItsErrorCode() {
        MapHeaders h = new MapHeaders("WWW-Authenticate", BearerChallenges.INVALID_TOKEN);
        BEARER.write(Facts.unauthenticated(true), h);
        assertThat(h.get("WWW-Authenticate")).isEqualTo(BearerChallenges.INVALID_TOKEN);
    }

    @Test
    void otherSchemesChallengesAreLeftAlone() {
        MapHeaders h = new MapHeaders("WWW-Authenticate", "Basic realm=\"api\"");
        BEARER.write(Facts.unauthenticated(false), h);
        assertThat(h.get("WWW-Authenticate")).isEqualTo("Basic realm=\"api\"");
        MapHeaders lookalike = new MapHeaders("WWW-Authenticate", "BearerX realm=\"x\"");
        BEARER.write(Facts.unauthenticated(false), lookalike);
        assertThat(lookalike.get("WWW-Authenticate")).isEqualTo("BearerX realm=\"x\"");
    }

    @Test
    void onlyA401IsChecked() {
        MapHeaders h = new MapHeaders("WWW-Authenticate", BearerChallenges.INVALID_TOKEN);
        BEARER.write(Facts.of(true, false, true), h);
        assertThat(h.get("WWW-Authenticate")).isEqualTo(BearerChallenges.INVALID_TOKEN);
        MapHeaders success = new MapHeaders();
        BEARER.write(Facts.anonymousTls(), success);
        assertThat(success.all()).isEmpty();
    }
}
