package dev.bulwark.internal.audit;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;

/** The keys of the audit log ({@code bulwark.audit.*}). */
public final class AuditKeys implements ConfigConcern<AuditSettings> {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.audit.enabled", Parsers.bool(), "false",
            "One access event per request, refused ones included, as one JSON line in Elastic Common Schema field"
                    + " names (docs/audit.md). Written by a background thread through a bounded queue: a request never"
                    + " waits for the log.",
            "true");

    public static final Key<AuditDestination> DESTINATION = new Key<>("bulwark.audit.destination",
            Parsers.enumOf(AuditDestination.class), "LOGGER",
            "Where the audit lines go: `LOGGER` (the `java.util.logging` logger `" + AuditLog.LOGGER_NAME
                    + "` at INFO, alerts at WARNING: the server's log, Liberty's JSON logging included), `STDOUT`,"
                    + " or `FILE` (`bulwark.audit.file`).",
            "FILE");

    public static final Key<String> FILE = new Key<>("bulwark.audit.file", Parsers.text(), null,
            "The file the audit lines are appended to when `bulwark.audit.destination=FILE` (required then); its"
                    + " directory must exist. One file per application.",
            "/var/log/app/bulwark-audit.json");

    public static final Key<Integer> QUEUE_SIZE = new Key<>("bulwark.audit.queue-size",
            Parsers.intRange(64, 1_048_576), "8192",
            "Events that may wait for the audit writer. When it is full (the log cannot keep up) further events are"
                    + " dropped, never waited for; the drops are counted and reported in a WARNING line at most once"
                    + " a minute.",
            "65536");

    public static final Key<Boolean> REFUSAL_METRICS = new Key<>("bulwark.audit.refusal-metrics", Parsers.bool(),
            "true",
            "Count every refused request in MicroProfile Metrics, `bulwark_refusals_total{control, reason, endpoint}`"
                    + " (when the server has MicroProfile Metrics; the audit log need not be on): the control that"
                    + " refused, the problem kind, the route template. Counted on the audit writer's thread.",
            "false");

    public static final AuditKeys CONCERN = new AuditKeys();

    private AuditKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ENABLED, DESTINATION, FILE, QUEUE_SIZE, REFUSAL_METRICS);
    }

    @Override
    public AuditSettings read(ConfigReader reader) {
        boolean enabled = reader.get(ENABLED);
        AuditDestination destination = reader.get(DESTINATION);
        String file = reader.get(FILE);
        if (file != null && file.isEmpty()) {
            file = null;
        }
        if (enabled && destination == AuditDestination.FILE && file == null) {
            reader.problem(FILE, "is required with " + DESTINATION.name() + "=FILE", "a file path");
        }
        return new AuditSettings(enabled, destination, destination == AuditDestination.FILE ? file : null,
                reader.get(QUEUE_SIZE), reader.get(REFUSAL_METRICS));
    }
}
