package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.api.SecurityAlert;
import dev.bulwark.api.SecurityAlert.Detector;
import dev.bulwark.internal.audit.AuditEvent;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exfiltration by items: a subject's response items against its own baseline, beside its bytes. */
class ExfiltrationItemsTest {

    private final MutableClock clock = MutableClock.atEpochSecond(1_790_000_000L);
    private final List<SecurityAlert> alerts = new ArrayList<>();
    /** Defaults, bytes out of reach (small records): what is seen is the items detector. */
    private final Detectors detectors = new Detectors(AlertConfig.with("bulwark.alerts.exfiltration.min-kib",
            "100000000"), alerts::add);

    private void page(String subject, long items) {
        detectors.accept(new AuditEvent(clock.millis(), 1000, "GET", "GET /app/api/orders", false,
                "/app/api/orders", 200, -1, items * 60, "203.0.113.8",
                Json.createObjectBuilder().add("sub", subject).build(), null, "ua", "corr-" + clock.millis(), null,
                null, List.of(), Set.of(), items));
    }

    /** {@code windows} windows of 15 pages of 20 items, one every 20 s. */
    private void ordinaryPages(String subject, int windows) {
        for (int i = 0; i < windows * 15; i++) {
            page(subject, 20);
            clock.advance(Duration.ofSeconds(20));
        }
    }

    @Test
    void ordinaryPagesThenAFiveThousandItemDumpRaisesOnce() {
        ordinaryPages("carol", 4); // 300 items a window: the baseline
        assertThat(alerts).isEmpty();
        page("carol", 5000); // the dump: one response, small records
        page("carol", 20);
        page("carol", 5000); // more of it within the same window: no second alert
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.EXFILTRATION_ITEMS);
            assertThat(a.key()).isEqualTo("carol");
            assertThat(a.observed()).isGreaterThanOrEqualTo(5000);
            assertThat(a.threshold()).isBetween(2500L, 3000L); // ten times its ~300 a window, above the floor
            assertThat(a.window()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void ordinaryExportsOfTheSameSizeRaiseNothing() {
        for (int w = 0; w < 8; w++) { // a nightly-style export: 5000 items in every window, steadily
            page("exporter", 5000);
            clock.advance(Duration.ofMinutes(5));
        }
        ordinaryPages("dave", 6);
        page("newcomer", 50_000); // no history yet: its first requests are never a spike
        assertThat(alerts).isEmpty();
    }

    @Test
    void aSmallSubjectGrowingTenfoldStaysBelowTheFloor() {
        for (int w = 0; w < 4; w++) {
            page("tiny", 5);
            clock.advance(Duration.ofMinutes(5));
        }
        page("tiny", 900); // 180 times its baseline, below the 1000 items of min-items
        assertThat(alerts).isEmpty();
    }

    @Test
    void responsesWithoutACountAndAZeroFactorRaiseNothing() {
        List<SecurityAlert> none = new ArrayList<>();
        Detectors off = new Detectors(AlertConfig.with("bulwark.alerts.exfiltration.items-factor", "0",
                "bulwark.alerts.exfiltration.min-kib", "100000000"), none::add);
        for (int i = 0; i < 60; i++) {
            off.accept(new AuditEvent(clock.millis(), 1000, "GET", "GET /app/api/orders", false, "/app/api/orders",
                    200, -1, 100, "203.0.113.8", Json.createObjectBuilder().add("sub", "erin").build(), null, "ua",
                    "c", null, null, List.of(), Set.of(), i < 50 ? 20 : 50_000));
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(none).isEmpty();
    }
}
