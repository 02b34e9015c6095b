package dev.bulwark.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.internal.config.TestConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The lists reload at their interval; a bad reload keeps the last good lists and is logged once. */
class AddressRulesReloadTest {

    private final Map<String, String> properties = new ConcurrentHashMap<>(Map.of(
            "bulwark.ip.deny", "203.0.113.0/24", "bulwark.ip.reload-interval", "10s"));
    private final MutableClock clock = MutableClock.atEpochSecond(1_800_000_000L);
    private final List<String> log = new ArrayList<>();

    private AddressRules rules() {
        NetworkSettings initial = TestConfig.load(properties).config().settings(NetworkKeys.CONCERN);
        return new AddressRules(initial, key -> Optional.ofNullable(properties.get(key)), clock, log::add);
    }

    @Test
    void aChangedListAppliesAfterTheIntervalWithoutARestart() {
        AddressRules rules = rules();
        assertThat(rules.refusal("198.51.100.7", "GET", "/")).isNull();
        properties.put("bulwark.ip.deny", "203.0.113.0/24, 198.51.100.0/24");
        clock.advance(Duration.ofSeconds(9));
        assertThat(rules.refusal("198.51.100.7", "GET", "/")).as("not yet due").isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(rules.refusal("198.51.100.7", "GET", "/")).isNotNull();
        assertThat(log).containsExactly("Bulwark reloaded the address rules");
    }

    @Test
    void aBadReloadKeepsTheLastGoodListsAndIsLoggedOnce() {
        AddressRules rules = rules();
        properties.put("bulwark.ip.deny", "203.0.113.0/24, 0xcb.0.113.0/24");
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(rules.refusal("203.0.113.7", "GET", "/")).as("the last good deny list").isNotNull();
            assertThat(rules.refusal("198.51.100.7", "GET", "/")).isNull();
        }
        assertThat(log).singleElement().satisfies(line -> assertThat(line)
                .contains("kept the last good address rules").contains("bulwark.ip.deny"));
        properties.put("bulwark.ip.deny", "198.51.100.0/24");
        clock.advance(Duration.ofSeconds(10));
        assertThat(rules.refusal("198.51.100.7", "GET", "/")).isNotNull();
        assertThat(rules.refusal("203.0.113.7", "GET", "/")).isNull();
        assertThat(log).hasSize(2).last().isEqualTo("Bulwark reloaded the address rules");
    }

    @Test
    void fixedRulesNeverChange() {
        AddressRules rules = AddressRules.fixed(TestConfig.load(properties).config().settings(NetworkKeys.CONCERN));
        properties.put("bulwark.ip.deny", "");
        assertThat(rules.refusal("203.0.113.7", "GET", "/")).isNotNull();
    }
}
