package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.controls.ConfigLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code bulwark.alerts.store}: follows the rate limiter's store by default; shared without Redis fails. */
class AlertStoreConfigTest {

    private static ConfigLoader.Result load(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return ConfigLoader.load(k -> Optional.ofNullable(values.get(k)));
    }

    private static boolean shared(String... pairs) {
        ConfigLoader.Result r = load(pairs);
        assertThat(r.problems()).isEmpty();
        return r.config().settings(AlertKeys.CONCERN).shared(r.config().rateLimiting().store());
    }

    @Test
    void theDefaultFollowsTheRateLimitersStore() {
        assertThat(shared()).isFalse();
        assertThat(shared("bulwark.ratelimit.store", "REDIS")).isTrue();
        assertThat(shared("bulwark.ratelimit.store", "MEMORY", "bulwark.alerts.store", "AUTO")).isFalse();
    }

    @Test
    void memoryKeepsTheWindowsOnEachServerEvenWithRedis() {
        assertThat(shared("bulwark.ratelimit.store", "REDIS", "bulwark.alerts.store", "MEMORY")).isFalse();
        assertThat(shared("bulwark.ratelimit.store", "REDIS", "bulwark.alerts.store", "shared")).isTrue();
    }

    @Test
    void sharedWithoutTheRateLimitersRedisFailsTheDeploymentNamingTheKey() {
        ConfigLoader.Result r = load("bulwark.alerts.store", "SHARED");
        assertThat(r.problems()).isEmpty(); // each key is valid alone
        ConfigProblem p = r.config().settings(AlertKeys.CONCERN).storeProblem(r.config().rateLimiting().store());
        assertThat(p).isNotNull();
        assertThat(p.key()).isEqualTo("bulwark.alerts.store");
        assertThat(p.message()).contains("bulwark.alerts.store").contains("bulwark.ratelimit.store is not REDIS");
        ConfigLoader.Result withRedis = load("bulwark.alerts.store", "SHARED", "bulwark.ratelimit.store", "REDIS");
        assertThat(withRedis.config().settings(AlertKeys.CONCERN)
                .storeProblem(withRedis.config().rateLimiting().store())).isNull();
        ConfigLoader.Result auto = load();
        assertThat(auto.config().settings(AlertKeys.CONCERN).storeProblem(auto.config().rateLimiting().store()))
                .as("AUTO without Redis: memory, no problem").isNull();
    }

    @Test
    void aBadStoreValueIsAProblemOfItsKey() {
        assertThat(load("bulwark.alerts.store", "redis-cluster").problems()).extracting(ConfigProblem::key)
                .containsExactly("bulwark.alerts.store");
    }

    @Test
    void theItemsKeysHaveDocumentedDefaultsAndBounds() {
        AlertSettings s = load().config().settings(AlertKeys.CONCERN);
        assertThat(s.exfiltrationItemsFactor()).isEqualTo(10);
        assertThat(s.exfiltrationMinItems()).isEqualTo(1000);
        assertThat(load("bulwark.alerts.exfiltration.min-items", "0").problems()).extracting(ConfigProblem::key)
                .containsExactly("bulwark.alerts.exfiltration.min-items");
        assertThat(load("bulwark.alerts.exfiltration.items-factor", "5000").problems())
                .extracting(ConfigProblem::key).containsExactly("bulwark.alerts.exfiltration.items-factor");
    }
}
