package dev.bulwark.internal.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.authz.Roles.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.Principal;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RolesTest {

    private static final Principal BASIC_USER = () -> "carol";
    private static final Predicate<String> NO_CONTAINER_ROLES = role -> {
        throw new AssertionError("the container was asked about " + role + " for a verified token");
    };

    private static JsonObject claims(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aVerifiedTokenIsInTheRolesOfItsGroupsClaimOnly() {
        JsonObject user = claims("{\"sub\":\"alice\",\"groups\":[\"user\"]}");
        assertThat(Roles.decide(Set.of("user", "admin"), user, null, NO_CONTAINER_ROLES, true))
                .isEqualTo(Outcome.ALLOWED);
        assertThat(Roles.decide(Set.of("admin"), user, null, NO_CONTAINER_ROLES, true)).isEqualTo(Outcome.FORBIDDEN);
        // near misses of the role name are not the role
        for (String near : new String[] {"Admin", "ADMIN", "admin ", "admins", "adm"}) {
            JsonObject c = claims("{\"sub\":\"a\",\"groups\":[\"" + near + "\"]}");
            assertThat(Roles.decide(Set.of("admin"), c, null, NO_CONTAINER_ROLES, true)).as(near)
                    .isEqualTo(Outcome.FORBIDDEN);
        }
        // the container's view of the caller does not count when Bulwark verified a token
        assertThat(Roles.decide(Set.of("admin"), user, BASIC_USER, role -> true, true)).isEqualTo(Outcome.FORBIDDEN);
        assertThat(Roles.decide(Set.of("admin"), claims("{\"sub\":\"a\"}"), null, NO_CONTAINER_ROLES, true))
                .isEqualTo(Outcome.FORBIDDEN);
    }

    @Test
    void doubleStarIsAnyAuthenticatedCaller() {
        assertThat(Roles.decide(Set.of("**"), claims("{\"sub\":\"a\"}"), null, NO_CONTAINER_ROLES, true))
                .isEqualTo(Outcome.ALLOWED);
        assertThat(Roles.decide(Set.of("**"), null, BASIC_USER, role -> false, true)).isEqualTo(Outcome.ALLOWED);
        assertThat(Roles.decide(Set.of("**"), null, null, role -> true, true)).isEqualTo(Outcome.UNAUTHENTICATED);
    }

    @Test
    void noCallerIsUnauthenticatedWhateverTheContainerSays() {
        assertThat(Roles.decide(Set.of("user"), null, null, role -> true, true)).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(Roles.decide(Set.of(), null, null, role -> true, false)).isEqualTo(Outcome.UNAUTHENTICATED);
    }

    /** A token the container accepted but Bulwark never saw (taken from a cookie, say). */
    private static final org.eclipse.microprofile.jwt.JsonWebToken UNVERIFIED_TOKEN =
            new org.eclipse.microprofile.jwt.JsonWebToken() {
                @Override
                public String getName() {
                    return "mallory";
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("sub");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claimName) {
                    return (T) ("sub".equals(claimName) ? "mallory" : null);
                }
            };

    @Test
    void aTokenPrincipalBulwarkDidNotVerifyIsNoCaller() {
        assertThat(Roles.decide(Set.of("admin"), null, UNVERIFIED_TOKEN, role -> true, true))
                .isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(Roles.decide(Set.of("**"), null, UNVERIFIED_TOKEN, role -> true, true))
                .isEqualTo(Outcome.UNAUTHENTICATED);
        // without Bulwark's token policy (no MicroProfile JWT keys in its config) the container's check decides
        assertThat(Roles.decide(Set.of("admin"), null, UNVERIFIED_TOKEN, "admin"::equals, false))
                .isEqualTo(Outcome.ALLOWED);
        assertThat(Roles.decide(Set.of("admin"), null, UNVERIFIED_TOKEN, role -> false, false))
                .isEqualTo(Outcome.FORBIDDEN);
    }

    @Test
    void otherCallersAreAskedThroughTheContainer() {
        assertThat(Roles.decide(Set.of("clerk", "admin"), null, BASIC_USER, "admin"::equals, true))
                .isEqualTo(Outcome.ALLOWED);
        assertThat(Roles.decide(Set.of("admin"), null, BASIC_USER, "clerk"::equals, true))
                .isEqualTo(Outcome.FORBIDDEN);
        assertThat(Roles.decide(Set.of(), null, BASIC_USER, role -> true, true)).as("no role at all")
                .isEqualTo(Outcome.FORBIDDEN);
    }
}
