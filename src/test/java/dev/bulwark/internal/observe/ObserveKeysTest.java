package dev.bulwark.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.pipeline.Phase;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObserveKeysTest {

    private static ConfigLoader.Result load(String value) {
        return ConfigLoader.load(k -> Optional.ofNullable(Map.of("bulwark.observe", value).get(k)));
    }

    @Test
    void nothingIsObservedByDefault() {
        ObserveSettings none = ConfigLoader.load(k -> Optional.empty()).config().observe();
        assertThat(none.any()).isFalse();
        assertThat(none.warning()).isNull();
        for (Phase phase : Phase.values()) {
            assertThat(none.observes(phase)).as(phase.name()).isFalse();
        }
    }

    @Test
    void namedControlsObserveTheirPhasesOnly() {
        ConfigLoader.Result r = load(" rate-limit, AUTHORIZATION ");
        assertThat(r.problems()).isEmpty();
        ObserveSettings s = r.config().observe();
        assertThat(s.names()).containsExactly("rate-limit", "authorization");
        assertThat(s.observes(Phase.RATE_LIMIT)).isTrue();
        assertThat(s.observes(Phase.BEAN_RATE_LIMIT)).isTrue();
        assertThat(s.observes(Phase.ADDRESS_BUDGET)).isTrue();
        assertThat(s.observes(Phase.CALLER_BUDGET)).isTrue();
        assertThat(s.observes(Phase.ROLES)).isTrue();
        assertThat(s.observes(Phase.BEAN_ACCESS)).isTrue();
        assertThat(s.observes(Phase.OWNERSHIP)).isTrue();
        assertThat(s.observes(Phase.JSON_BODY)).isFalse();
        assertThat(s.observes(Phase.CORS)).isFalse();
        assertThat(s.warning()).startsWith("Bulwark OBSERVE MODE: enforcement is OFF for rate-limit, authorization");
    }

    @Test
    void allObservesEveryObservableControlAndNeverAuthentication() {
        ObserveSettings all = load("all").config().observe();
        assertThat(all.names()).containsExactly("host", "address-rules", "https", "cors", "version", "request-text", "body-size",
                "rate-limit", "authorization", "validation", "egress");
        for (Phase never : new Phase[] {Phase.CORRELATION, Phase.ORIGIN, Phase.PRIVATE_HEADERS, Phase.METHOD,
            Phase.BEARER_TOKEN, Phase.API_KEY, Phase.TOKEN_POLICY, Phase.EXPOSURE, Phase.HEADER_OVERRIDES,
            Phase.RESPONSE}) {
            assertThat(all.observes(never)).as(never.name()).isFalse();
        }
    }

    @Test
    void anUnobservableControlFailsNamingTheKeyTheNameAndWhy() {
        ConfigLoader.Result r = load("cors, authentication");
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("bulwark.observe").contains("'authentication'").contains("always enforced"));
        assertThat(load("method").problems().get(0).toString()).contains("'method'")
                .contains("method hygiene");
        assertThat(load("exposure").problems().get(0).toString()).contains("cannot be observed without sending");
        assertThat(load("private-headers").problems().get(0).toString()).contains("forged client address");
        assertThat(load("api-key").problems().get(0).toString()).contains("authentication");
    }

    @Test
    void anUnknownNameFailsNamingTheKeyAndListingTheNames() {
        ConfigLoader.Result r = load("rate-limits");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("bulwark.observe").contains("unknown control 'rate-limits'").contains("rate-limit")
                .contains("all"));
        assertThat(load("cors,,host").ok()).isFalse();
    }

    @Test
    void observationsKeepTheFirstOfEachControl() {
        dev.bulwark.internal.pipeline.RequestState state = new dev.bulwark.internal.pipeline.RequestState();
        Observations.record(state, Phase.ROLES, "forbidden", "no role");
        Observations.record(state, Phase.OWNERSHIP, "not-found", "not the owner");
        Observations.record(state, Phase.RATE_LIMIT, "too-many-requests", "over 5/1m");
        Observations.record(state, Phase.BEARER_TOKEN, "unauthorized", "never observed");
        assertThat(Observations.of(state)).containsExactly(
                new Observation("authorization", "roles", "forbidden", "no role"),
                new Observation("rate-limit", "rate-limit", "too-many-requests", "over 5/1m"));
        assertThat(Observations.of(null)).isEmpty();
    }
}
