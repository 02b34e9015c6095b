package dev.bulwark.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VersionUsageTest {

    private final List<String> counted = new ArrayList<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        VersionUsage.LOG.addHandler(handler);
    }

    @AfterEach
    void stop() {
        VersionUsage.LOG.removeHandler(handler);
    }

    private static Versions.Match match(VersionSchedule.Stage stage) {
        VersionSchedule s = new VersionSchedule("v1", Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2027-06-01T00:00:00Z"), "v2", URI.create("https://example.com"), null, List.of());
        return new Versions.Match(Versions.Entry.of(s), stage, false);
    }

    @Test
    void everyCallIsCountedPerVersionAndClientAndAFirstDeprecatedCallLoggedOnce() {
        VersionUsage usage = new VersionUsage((v, c) -> counted.add(v + "/" + c), 10);
        usage.record(match(VersionSchedule.Stage.DEPRECATED), "billing-app", "alice", "c-1");
        usage.record(match(VersionSchedule.Stage.DEPRECATED), "billing-app", "bob", "c-2");
        usage.record(match(VersionSchedule.Stage.DEPRECATED), null, null, "c-3");
        assertThat(counted).containsExactly("v1/billing-app", "v1/billing-app", "v1/anonymous");
        assertThat(logged).extracting(LogRecord::getMessage).hasSize(2).first().asString()
                .contains("event=DEPRECATED_VERSION_FIRST_CALL").contains("version=v1").contains("client=billing-app")
                .contains("subject=alice").contains("correlationId=c-1");
    }

    @Test
    void anActiveVersionIsCountedButNotLogged() {
        VersionUsage usage = new VersionUsage((v, c) -> counted.add(v + "/" + c), 10);
        usage.record(match(VersionSchedule.Stage.ACTIVE), "billing-app", "alice", "c-1");
        assertThat(counted).containsExactly("v1/billing-app");
        assertThat(logged).isEmpty();
    }

    @Test
    void clientIdsAreBoundedAndUnprintableOnesNeverBecomeLabels() {
        VersionUsage usage = new VersionUsage((v, c) -> counted.add(c), 2);
        for (String client : new String[] {"a", "b", "c", "a", "d", "x\ny", "<script>"}) {
            usage.record(match(VersionSchedule.Stage.DEPRECATED), client, null, "c");
        }
        assertThat(counted).containsExactly("a", "b", "other", "a", "other", "other", "other");
        // one line per distinct counted client: a, b, other (memory bounded by the cap)
        assertThat(logged).hasSize(3);
    }

    @Test
    void anActiveSuccessorsClientsDoNotUseUpTheSlotsOfTheDeprecatedVersion() {
        VersionUsage usage = new VersionUsage((v, c) -> counted.add(v + "/" + c), 2);
        VersionSchedule v2 = new VersionSchedule("v2", null, Instant.parse("2099-01-01T00:00:00Z"), null, null, null,
                List.of());
        for (String client : new String[] {"new-1", "new-2", "new-3"}) {
            usage.record(new Versions.Match(Versions.Entry.of(v2), VersionSchedule.Stage.ACTIVE, false), client,
                    null, "c");
        }
        usage.record(match(VersionSchedule.Stage.DEPRECATED), "legacy-batch", null, "c");
        assertThat(counted).containsExactly("v2/new-1", "v2/new-2", "v2/other", "v1/legacy-batch");
        assertThat(logged).extracting(LogRecord::getMessage).singleElement().asString()
                .contains("client=legacy-batch");
    }

    @Test
    void callsOfARetiredVersionAreCountedAndTheirFirstLoggedOnce() {
        VersionUsage usage = new VersionUsage((v, c) -> counted.add(c), 2);
        for (int i = 0; i < 5; i++) {
            usage.record(match(VersionSchedule.Stage.RETIRED), null, null, "c-" + i);
        }
        assertThat(counted).hasSize(5);
        assertThat(logged).extracting(LogRecord::getMessage).singleElement().asString()
                .contains("event=DEPRECATED_VERSION_FIRST_CALL").contains("correlationId=c-0").contains("is retired");
    }

    @Test
    void theClientIdIsAzpElseClientId() {
        assertThat(VersionUsage.clientId(jakarta.json.Json.createObjectBuilder().add("azp", "web")
                .add("client_id", "x").build())).isEqualTo("web");
        assertThat(VersionUsage.clientId(jakarta.json.Json.createObjectBuilder().add("client_id", "x").build()))
                .isEqualTo("x");
        assertThat(VersionUsage.clientId(jakarta.json.Json.createObjectBuilder().add("azp", 3).build()))
                .isEqualTo("unidentified");
        assertThat(VersionUsage.clientId(null)).isNull();
    }
}
