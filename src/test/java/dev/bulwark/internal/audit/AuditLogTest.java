package dev.bulwark.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import dev.bulwark.MutableClock;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @RegisterExtension
    final LogCapture bulwarkLog = new LogCapture("dev.bulwark");

    private final MutableClock clock = MutableClock.atEpochSecond(1_790_000_000L);
    private final List<String> lines = new ArrayList<>();
    private final AuditSink sink = (line, warning) -> lines.add((warning ? "WARN " : "") + line);

    private static AuditEvent event(int i) {
        return Events.served(Events.T0 + i, "203.0.113." + (i % 250), null, 200, i);
    }

    @Test
    void eventsAreWrittenAsOneLineEachAndHandedToTheListenersInOrder() {
        List<Long> seen = new ArrayList<>();
        AuditLog log = new AuditLog(64, sink, List.of(e -> seen.add(e.responseBytes())), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(log.record(event(i))).isTrue();
        }
        assertThat(lines).isEmpty(); // nothing on the request's thread
        assertThat(log.drain()).isEqualTo(3);
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(Events.parse(l).getString("event.dataset"))
                .isEqualTo("bulwark.access"));
        assertThat(seen).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aFullQueueDropsAndCountsNeverBlocks() {
        AuditLog log = new AuditLog(64, sink, List.of(), clock);
        for (int i = 0; i < 100; i++) {
            log.record(event(i));
        }
        assertThat(log.dropped()).isEqualTo(36);
        log.drain();
        assertThat(lines).hasSize(64);
        assertThat(bulwarkLog.at(Level.WARNING)).singleElement().asString()
                .contains("36 events dropped").contains("bulwark.audit.queue-size");

        // more drops within the minute: counted, reported with the next report a minute later
        for (int i = 0; i < 70; i++) {
            log.record(event(i));
        }
        log.drain();
        assertThat(bulwarkLog.at(Level.WARNING)).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        log.record(event(1));
        log.drain();
        assertThat(bulwarkLog.at(Level.WARNING)).hasSize(2).last().asString().contains("6 events dropped")
                .contains("42 in all");
    }

    @Test
    void withoutASinkOnlyTheListenersSeeTheEvents() {
        List<AuditEvent> seen = new ArrayList<>();
        AuditLog log = new AuditLog(64, null, List.of(seen::add), clock);
        log.record(event(1));
        log.drain();
        assertThat(seen).hasSize(1);
        assertThat(log.writesLines()).isFalse();
    }

    @Test
    void theWriterThreadWritesAndCloseWritesWhatIsLeft() throws Exception {
        CountDownLatch written = new CountDownLatch(5);
        List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
        AuditLog log = new AuditLog(64, (line, warning) -> {
            out.add(line);
            written.countDown();
        }, List.of(), clock);
        log.start(Thread::new);
        for (int i = 0; i < 5; i++) {
            log.record(event(i));
        }
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        log.close();
        log.record(event(9)); // after close: queued, never written by a thread that is gone
        assertThat(out).hasSize(5);
    }

    @Test
    void anObserverThrowingAnErrorCostsItsBatchNotTheWriter() throws Exception {
        CountDownLatch failing = new CountDownLatch(1);
        CountDownLatch afterwards = new CountDownLatch(1);
        AuditLog log = new AuditLog(64, null, List.of(e -> {
            if (e.responseBytes() == 1) {
                failing.countDown();
                throw new AssertionError("an application's observer failed");
            }
            if (e.responseBytes() == 2) {
                afterwards.countDown();
            }
        }), clock);
        log.start(Thread::new);
        log.record(event(1));
        assertThat(failing.await(10, TimeUnit.SECONDS)).isTrue();
        // the failing batch was taken from the queue before its observer ran: this event is in the next one
        log.record(event(2));
        assertThat(afterwards.await(10, TimeUnit.SECONDS)).as("the writer still runs").isTrue();
        log.close();
        assertThat(log.dropped()).isEqualTo(1);
    }

    @Test
    void aFileSinkAppendsPureJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.json");
        Files.writeString(file, "{\"earlier\":true}\n");
        AuditLog log = new AuditLog(64, AuditSink.of(new AuditSettings(true, AuditDestination.FILE, file.toString(),
                64, false)), List.of(), clock);
        log.record(event(1));
        log.record(event(2));
        log.close();
        List<String> written = Files.readAllLines(file);
        assertThat(written).hasSize(3);
        written.forEach(Events::parse);
    }

    @Test
    void aWriterSinkWritesOneLineEach() {
        StringWriter target = new StringWriter();
        AuditSink lines = AuditSink.lines(target, false);
        lines.write("{\"a\":1}", false);
        lines.write("{\"b\":2}", true);
        lines.flush();
        assertThat(target.toString()).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
    }

    @Test
    void theLoggerSinkWritesEventsAtInfoAndAlertsAtWarning() {
        LogCapture audit = new LogCapture(AuditLog.LOGGER_NAME);
        audit.start();
        try {
            AuditLog log = new AuditLog(64, AuditSink.of(new AuditSettings(true, AuditDestination.LOGGER, null, 64, false)),
                    List.of(), clock);
            log.record(event(1));
            log.drain();
            log.alert("{\"event.kind\":\"alert\"}");
            assertThat(audit.at(Level.INFO)).singleElement().satisfies(l -> Events.parse(l));
            assertThat(audit.at(Level.WARNING)).containsExactly("{\"event.kind\":\"alert\"}");
        } finally {
            audit.stop();
        }
    }
}
