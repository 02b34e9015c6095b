package dev.bulwark.internal.alerts;

import dev.bulwark.api.SecurityAlert;
import dev.bulwark.internal.audit.EcsLine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * POSTs each alert, as the JSON of its WARNING line ({@link EcsLine#of(SecurityAlert)}), to the configured webhook.
 * {@link #accept} only offers the alert to a bounded queue (the audit writer never waits: a full queue drops the alert
 * and counts it); one sender thread POSTs them in order. Network errors, timeouts, 429 and 5xx answers are retried
 * after an exponential back-off with jitter (a {@code Retry-After} waited for when longer), up to the configured
 * attempts; any other answer is the receiver refusing the alert, not retried. Every alert not delivered is counted
 * (the outcome consumer: the metric) and reported in one WARNING line at most once per {@link #REPORT_INTERVAL},
 * naming the receiver's origin only (its path may be a secret), never the token. Time comes from the clock: the
 * sender's work is {@link #pump}, which tests call with a clock they move, never sleeping.
 */
public final class AlertWebhook implements Consumer<SecurityAlert>, AutoCloseable {

    static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger("dev.bulwark");
    /** The longest a sender waits before it looks at the clock again. */
    private static final long MAX_PARK_MILLIS = 1000;

    /** Outcomes given to the outcome consumer (the metric's tag). */
    static final String DELIVERED = "delivered";
    static final String QUEUE_FULL = "queue-full";
    static final String REFUSED = "refused";
    static final String FAILED = "failed";
    static final String STOPPED = "stopped";

    /**
     * The receiver's answer to one POST.
     *
     * @param status     the HTTP status
     * @param retryAfter its {@code Retry-After} header, or null
     */
    public record Answer(int status, String retryAfter) {
    }

    /** Sends one POST. */
    public interface Transport {
        /**
         * @param body  the alert's JSON
         * @param token the bearer token, or null
         * @param id    the alert's id, the same for each attempt (the receiver may drop a repeat)
         * @throws IOException on a network error or a timeout (retried)
         */
        Answer post(String body, String token, String id) throws IOException, InterruptedException;

        default void close() {
        }
    }

    private static final class Pending {
        final String body;
        final String id;
        int attempts;
        long due;

        Pending(String body, String id) {
            this.body = body;
            this.id = id;
        }
    }

    private final WebhookSettings settings;
    private final Transport transport;
    private final Supplier<String> token;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<String> outcomes;
    private final BlockingQueue<Pending> queue;
    private final LongAdder queueFull = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder stopped = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    /** The alert being sent or waiting for its next attempt (the sender's thread only). */
    private Pending current;
    private volatile String lastProblem = "none";
    private long reported;
    private long lastReport = Long.MIN_VALUE;
    private Thread sender;
    private volatile boolean running;

    /**
     * @param token    the bearer token now (a rotated one through the secret files); it gives null for none
     * @param random   the jitter's source
     * @param outcomes told each alert's outcome ({@code delivered}, {@code queue-full}, {@code refused},
     *                 {@code failed}, {@code stopped}): the metric; may be called from the audit writer's thread
     */
    public AlertWebhook(WebhookSettings settings, Transport transport, Supplier<String> token, Clock clock,
                        RandomGenerator random, Consumer<String> outcomes) {
        this.settings = settings;
        this.transport = transport;
        this.token = token;
        this.clock = clock;
        this.random = random;
        this.outcomes = outcomes;
        this.queue = new ArrayBlockingQueue<>(settings.queueSize());
    }

    /**
     * The deployment's webhook: POSTs through the JDK's HTTP client.
     *
     * @param token the bearer token now (followed through the secret files), or a supplier of null for none
     */
    public static AlertWebhook of(WebhookSettings settings, Supplier<String> token, Clock clock,
                                  Consumer<String> outcomes) {
        return new AlertWebhook(settings, new HttpWebhookTransport(settings), token, clock,
                RandomGenerator.getDefault(), outcomes);
    }

    /** Hands the alert to the sender; never waits: when the queue is full, the alert is dropped and counted. */
    @Override
    public void accept(SecurityAlert alert) {
        if (!queue.offer(new Pending(EcsLine.of(alert), UUID.randomUUID().toString()))) {
            queueFull.increment();
            lastProblem = "the queue (" + WebhookKeys.QUEUE_SIZE.name() + ") was full";
            outcomes.accept(QUEUE_FULL);
        }
    }

    /** Starts the sender thread. */
    public synchronized void start(ThreadFactory threads) {
        if (sender == null) {
            running = true;
            sender = threads.newThread(this::run);
            sender.setDaemon(true);
            sender.setName("bulwark-alert-webhook");
            sender.start();
        }
    }

    private void run() {
        try {
            while (running) {
                long wait = pump();
                if (wait < 0) {
                    Pending next = queue.poll(MAX_PARK_MILLIS, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        current = next;
                    }
                } else if (wait > 0) {
                    Thread.sleep(Math.min(wait, MAX_PARK_MILLIS)); // then the clock is asked again
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (RuntimeException | Error e) {
            LOG.severe("Bulwark alert webhook (" + settings.origin() + "): the sender stopped: " + e);
        }
    }

    /**
     * The sender's work at the clock's time: the next alert is tried when its attempt is due. Returns how long until
     * the waiting alert's next attempt is due, 0 when there may be more to do now, or -1 when nothing waits.
     */
    long pump() throws InterruptedException {
        long now = clock.millis();
        if (current == null) {
            current = queue.poll();
            if (current == null) {
                report(now); // between bursts: one line for what a burst dropped
                return -1;
            }
        }
        Pending p = current;
        if (p.attempts > 0 && now < p.due) {
            report(now);
            return p.due - now;
        }
        attempt(p);
        return 0;
    }

    private void attempt(Pending p) throws InterruptedException {
        p.attempts++;
        String problem;
        long retryAfter = -1;
        try {
            Answer answer = transport.post(p.body, token.get(), p.id);
            int status = answer.status();
            if (status >= 200 && status < 300) {
                done(delivered, DELIVERED, null);
                return;
            }
            problem = "answered " + status;
            if (status != 429 && status < 500) {
                done(refused, REFUSED, problem + " (not retried)");
                return;
            }
            retryAfter = retryAfterMillis(answer.retryAfter(), clock.millis());
        } catch (IOException e) {
            problem = e.getClass().getSimpleName(); // not the message: it may name the URL
        }
        if (p.attempts >= settings.maxAttempts()) {
            done(failed, FAILED, problem + " (" + p.attempts + " attempts)");
            return;
        }
        p.due = clock.millis() + delay(p.attempts, retryAfter);
    }

    private void done(LongAdder count, String outcome, String problem) {
        current = null;
        count.increment();
        if (problem != null) {
            lastProblem = problem;
        }
        outcomes.accept(outcome);
    }

    /**
     * The wait after the {@code attempts}-th failed attempt: the back-off doubled for each attempt after the first,
     * capped, then a random point between its half and its whole; at least the receiver's {@code Retry-After}, never
     * beyond the cap.
     */
    long delay(int attempts, long retryAfterMillis) {
        long max = settings.backoffMax().toMillis();
        long exponential = Math.min(max, settings.backoff().toMillis() << Math.min(attempts - 1, 30));
        long jittered = exponential / 2 + random.nextLong(exponential - exponential / 2 + 1);
        return Math.min(max, Math.max(jittered, retryAfterMillis));
    }

    /** A {@code Retry-After} of delay seconds or an HTTP date, in milliseconds from {@code now}; else -1. */
    static long retryAfterMillis(String value, long now) {
        if (value == null) {
            return -1;
        }
        String v = value.strip();
        if (!v.isEmpty() && v.length() <= 9 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(v) * 1000;
        }
        try {
            return Math.max(0, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                    - now);
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** One WARNING line for the alerts not delivered since the last one, at most once per interval. */
    private void report(long now) {
        long notDelivered = notDelivered();
        if (notDelivered > reported && (lastReport == Long.MIN_VALUE
                || now - lastReport >= REPORT_INTERVAL.toMillis())) {
            LOG.warning("Bulwark alert webhook (" + settings.origin() + "): " + (notDelivered - reported)
                    + " alerts not delivered; since the start: " + queueFull.sum() + " dropped with the queue full, "
                    + refused.sum() + " refused by the receiver, " + failed.sum() + " failed after "
                    + settings.maxAttempts() + " attempts, " + stopped.sum() + " left at the stop, "
                    + delivered.sum() + " delivered; last problem: " + lastProblem);
            reported = notDelivered;
            lastReport = now;
        }
    }

    /** Alerts dropped so far: the queue full, refused, failed, or left at the stop. */
    public long notDelivered() {
        return queueFull.sum() + refused.sum() + failed.sum() + stopped.sum();
    }

    /** Alerts the receiver accepted so far. */
    public long delivered() {
        return delivered.sum();
    }

    /** Stops the sender (the application stops): what still waits is counted as left at the stop, and reported. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = sender;
            sender = null;
        }
        if (t != null) {
            t.interrupt(); // a POST in flight is abandoned
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = queue.size() + (current != null ? 1 : 0);
        queue.clear();
        current = null;
        for (int i = 0; i < left; i++) {
            stopped.increment();
            outcomes.accept(STOPPED);
        }
        if (left > 0) {
            lastProblem = "the application stopped";
        }
        lastReport = Long.MIN_VALUE;
        report(clock.millis());
        transport.close();
    }
}
