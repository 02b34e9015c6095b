package dev.bulwark.internal.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Supplier<String> FIXED = () -> "generated";
    private final CorrelationIds ids = new CorrelationIds(true, FIXED);

    @Test
    void prefersTheTraceIdOfAValidTraceparent() {
        assertThat(ids.resolve("00-" + TRACE + "-00f067aa0ba902b7-01", "req-1")).isEqualTo(TRACE);
        // a future version may append fields after a dash
        assertThat(ids.resolve("01-" + TRACE + "-00f067aa0ba902b7-01-extra", null)).isEqualTo(TRACE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero parent id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x", // version 00 must be exact
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",  // short trace id
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
        "garbage"})
    void ignoresInvalidTraceparents(String header) {
        assertThat(ids.resolve(header, null)).isEqualTo("generated");
    }

    @Test
    void acceptsAWellFormedRequestIdAndRejectsHostileOnes() {
        assertThat(ids.resolve(null, "abc-DEF_1.2")).isEqualTo("abc-DEF_1.2");
        assertThat(ids.resolve(null, "a".repeat(64))).isEqualTo("a".repeat(64));
        for (String hostile : new String[] {"a".repeat(65), "x\r\nInjected: 1", "id with space", "", "\u202eabc",
            "ünïcode", "a/b", "<script>", "a\u0000b", "${jndi:ldap://x}"}) {
            assertThat(ids.resolve(null, hostile)).as(hostile).isEqualTo("generated");
        }
    }

    @Test
    void ignoresIncomingIdsWhenNotTrusted() {
        CorrelationIds untrusting = new CorrelationIds(false, FIXED);
        assertThat(untrusting.resolve("00-" + TRACE + "-00f067aa0ba902b7-01", "req-1")).isEqualTo("generated");
    }

    @Test
    void generatedIdsAreUnique128BitHex() {
        Supplier<String> random = CorrelationIds.secureRandomIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = random.get();
            assertThat(id).matches("[0-9a-f]{32}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void idsDrawnInBatchesUseEveryDigitInEveryPositionAndDifferAcrossThreads() throws Exception {
        Supplier<String> random = CorrelationIds.secureRandomIds();
        int n = CorrelationIds.IDS_PER_DRAW * 20 + 7; // across many draws and a partial one
        java.util.List<Set<Character>> digits = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            digits.add(new HashSet<>());
        }
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < n; i++) {
            String id = random.get();
            seen.add(id);
            for (int p = 0; p < 32; p++) {
                digits.get(p).add(id.charAt(p));
            }
        }
        // every position takes all 16 hex digits: no byte of a draw is reused, skipped or stuck at zero
        assertThat(digits).allSatisfy(d -> assertThat(d).hasSize(16));
        Thread other = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                seen.add(random.get());
            }
        });
        other.start();
        other.join();
        assertThat(seen).hasSize(2 * n);
    }
}
