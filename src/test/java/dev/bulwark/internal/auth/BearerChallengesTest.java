package dev.bulwark.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 401 the container's own authentication made before any filter (Payara's MP-JWT mechanism refuses a token it
 * cannot verify with no challenge at all) carries the same challenge as Bulwark's refusal of a token.
 */
class BearerChallengesTest {

    @Test
    void aRefusedBearerTokenGetsTheInvalidTokenChallengeWhoeverRefusedIt() {
        assertThat(BearerChallenges.ofContainerRefusal(401, true, null)).isEqualTo(BearerChallenges.INVALID_TOKEN);
        assertThat(BearerChallenges.ofContainerRefusal(401, true, "Bearer"))
                .as("the container's own bearer text becomes Bulwark's").isEqualTo(BearerChallenges.INVALID_TOKEN);
    }

    @Test
    void otherStatusesRequestsWithoutATokenAndOtherSchemesAreLeftAlone() {
        assertThat(BearerChallenges.ofContainerRefusal(403, true, null)).isNull();
        assertThat(BearerChallenges.ofContainerRefusal(404, true, null)).isNull();
        assertThat(BearerChallenges.ofContainerRefusal(401, false, null)).as("no token: the no-credentials challenge"
                + " is the header writer's").isNull();
        assertThat(BearerChallenges.ofContainerRefusal(401, true, "Basic realm=\"admin\"")).isNull();
    }
}
