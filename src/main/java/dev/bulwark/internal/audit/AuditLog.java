package dev.bulwark.internal.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The audit log of one deployment: requests hand their {@link AuditEvent} to {@link #record} (a queue offer, never
 * a wait: when the bounded queue is full the event is dropped and counted), and one background thread formats each
 * as an {@link EcsLine}, writes it to the sink (when the access log is on) and hands it to the listeners (refusal
 * counters, detectors), all on that thread. Drops are reported in a WARNING line at most once per
 * {@link #DROP_REPORT_INTERVAL}.
 */
public final class AuditLog implements AutoCloseable {

    /** The logger of the access events and alerts with {@code bulwark.audit.destination=LOGGER}. */
    public static final String LOGGER_NAME = "dev.bulwark.audit";
    static final Duration DROP_REPORT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger("dev.bulwark");
    private static final int BATCH = 256;
    /** How long an idle writer waits before it looks at the queue again: an event waits at most about this long. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final BlockingQueue<AuditEvent> queue;
    private final AuditSink sink;
    private final List<Consumer<AuditEvent>> listeners;
    private final Clock clock;
    private final LongAdder dropped = new LongAdder();
    private final Object processing = new Object();
    private long reportedDrops;
    private long lastDropReport = Long.MIN_VALUE;
    private final boolean everyRequest;
    private final boolean callerSuccesses;
    private Thread writer;
    private volatile boolean running;

    /**
     * @param sink      where the lines go, or null when only the listeners want the events (the access log is off)
     * @param listeners called with each event on the writer's thread, in order
     */
    public AuditLog(int queueSize, AuditSink sink, List<Consumer<AuditEvent>> listeners, Clock clock) {
        this(queueSize, sink, listeners, clock, true);
    }

    /**
     * @param callerSuccesses true when the listeners want the successes of identified callers too (the detectors
     *                        count a subject's bytes and where a token is used from; an anonymous success counts for
     *                        none of them), false when they only want refused requests (4xx and 5xx): without access
     *                        lines the filter then hands over nothing for the other successes
     */
    public AuditLog(int queueSize, AuditSink sink, List<Consumer<AuditEvent>> listeners, Clock clock,
                    boolean callerSuccesses) {
        this.everyRequest = sink != null;
        this.callerSuccesses = callerSuccesses || sink != null;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.sink = sink;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /** Hands an event over; false (and counted) when the queue is full. Never blocks. */
    public boolean record(AuditEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Events dropped so far because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Whether every request's event is wanted (the access lines are written). */
    public boolean everyRequest() {
        return everyRequest;
    }

    /**
     * Whether the successes of identified callers (a verified token or API key, or the container's principal) are
     * wanted besides the refusals, when not {@link #everyRequest}.
     */
    public boolean callerSuccesses() {
        return callerSuccesses;
    }

    /** Whether the access lines are written (else only the listeners get the events). */
    public boolean writesLines() {
        return sink != null;
    }

    /** Starts the writer thread. */
    public synchronized void start(ThreadFactory threads) {
        if (writer == null) {
            running = true;
            writer = threads.newThread(this::run);
            writer.setDaemon(true);
            writer.setName("bulwark-audit");
            writer.start();
        }
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                // the writer looks at the queue every few milliseconds rather than waiting on it: a waiting writer
                // would be woken by every event a request hands over (a system call on the request thread each time)
                if (queue.drainTo(batch, BATCH) == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(IDLE_NANOS);
                    if (Thread.interrupted()) {
                        return;
                    }
                    continue;
                }
                process(batch);
                batch.clear();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // a listener (an application's observer) or the sink failed on one batch: the log goes on with the
                // next; the batch's events count as dropped (some may have been written)
                dropped.add(batch.size());
                batch.clear();
                LOG.log(java.util.logging.Level.WARNING, "Bulwark audit: a batch of events failed: " + e);
            }
        }
    }

    /** Processes every event waiting now, on the calling thread (the writer's, or a test's); how many. */
    public int drain() {
        List<AuditEvent> batch = new ArrayList<>();
        queue.drainTo(batch);
        process(batch);
        return batch.size();
    }

    private void process(List<AuditEvent> batch) {
        synchronized (processing) {
            for (AuditEvent event : batch) {
                if (sink != null) {
                    sink.write(EcsLine.of(event), false);
                }
                for (Consumer<AuditEvent> listener : listeners) {
                    listener.accept(event);
                }
            }
            reportDrops();
            if (sink != null) {
                sink.flush();
            }
        }
    }

    /** Writes an alert line (WARNING) on the caller's thread (the writer's: detectors run there). */
    public void alert(String line) {
        synchronized (processing) {
            if (sink != null) {
                sink.write(line, true);
            } else {
                Logger.getLogger(LOGGER_NAME).warning(line);
            }
        }
    }

    private void reportDrops() {
        long total = dropped.sum();
        long now = clock.millis();
        if (total > reportedDrops && (lastDropReport == Long.MIN_VALUE
                || now - lastDropReport >= DROP_REPORT_INTERVAL.toMillis())) {
            LOG.warning("Bulwark audit: " + (total - reportedDrops) + " events dropped because the queue ("
                    + AuditKeys.QUEUE_SIZE.name() + ") was full; " + total + " in all since the start");
            reportedDrops = total;
            lastDropReport = now;
        }
    }

    /** Stops the writer, writes what is still queued, and closes the sink. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = writer;
            writer = null;
        }
        if (t != null) {
            // no interrupt: a file channel the writer is using would be closed by it; it sees running=false soon
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drain();
        lastDropReport = Long.MIN_VALUE;
        synchronized (processing) {
            reportDrops();
            if (sink != null) {
                sink.close();
            }
        }
    }
}
