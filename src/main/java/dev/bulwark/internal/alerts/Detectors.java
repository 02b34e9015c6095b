package dev.bulwark.internal.alerts;

import dev.bulwark.api.SecurityAlert;
import dev.bulwark.api.SecurityAlert.Detector;
import dev.bulwark.internal.audit.AuditEvent;
import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.pipeline.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The anomaly detectors over the deployment's access events, run on the audit writer's thread with each event's own
 * time (so tests move a clock, never sleep). Each detector counts by its key within its sliding window and raises at
 * most one {@link SecurityAlert} per key and window; each remembers at most {@code bulwark.alerts.max-keys} keys. A
 * client address is counted by its {@link AddressKey} (an IPv6 client by its /64).
 */
public final class Detectors implements Consumer<AuditEvent> {

    /** The key of the deployment-wide count. */
    public static final String ALL = "*";
    private static final String OWNERSHIP = Refusal.label(Phase.OWNERSHIP);
    private static final String HTTPS = Refusal.label(Phase.HTTPS);
    private static final String CORS = Refusal.label(Phase.CORS);

    private final AlertSettings settings;
    private final Consumer<SecurityAlert> publish;
    private final SlidingCount failuresByAddress;
    private final SlidingCount failuresBySubject;
    private final SlidingCount failuresTotal;
    private final SlidingCount rateLimited;
    private final SlidingCount enumeration;
    private final DistinctCount tokenAddresses;
    private final ExfiltrationBaseline exfiltration;

    /** @param publish where an alert goes (the CDI event, the WARNING line, the counter) */
    public Detectors(AlertSettings settings, Consumer<SecurityAlert> publish) {
        this.settings = settings;
        this.publish = publish;
        int max = settings.maxKeys();
        this.failuresByAddress = count(settings.failuresPerAddress(), max);
        this.failuresBySubject = count(settings.failuresPerSubject(), max);
        this.failuresTotal = count(settings.failuresTotal(), 1);
        this.rateLimited = count(settings.rateLimited(), max);
        this.enumeration = count(settings.enumeration(), max);
        this.tokenAddresses = settings.tokenAddresses().off() ? null
                : new DistinctCount(settings.tokenAddresses(), max);
        this.exfiltration = settings.exfiltrationFactor() == 0 ? null : new ExfiltrationBaseline(
                settings.exfiltrationFactor(), settings.exfiltrationMinBytes(),
                settings.exfiltrationWindow().toMillis(), max);
    }

    private static SlidingCount count(Threshold threshold, int maxKeys) {
        return threshold.off() ? null : new SlidingCount(threshold, maxKeys);
    }

    @Override
    public void accept(AuditEvent e) {
        long now = e.epochMillis();
        int status = e.status();
        String address = AddressKey.of(e.clientAddress()); // an IPv6 client by its /64
        String subject = e.subject();
        String control = e.refusal() == null ? null : e.refusal().control();
        if ((status == 401 || status == 403) && !HTTPS.equals(control) && !CORS.equals(control)) {
            count(failuresByAddress, Detector.AUTH_FAILURES_BY_ADDRESS, settings.failuresPerAddress(), address, e);
            if (subject != null) {
                count(failuresBySubject, Detector.AUTH_FAILURES_BY_SUBJECT, settings.failuresPerSubject(), subject, e);
            }
            count(failuresTotal, Detector.AUTH_FAILURES_TOTAL, settings.failuresTotal(), ALL, e);
        }
        if (status == 429) {
            count(rateLimited, Detector.RATE_LIMITED, settings.rateLimited(), subject != null ? subject : address, e);
        }
        if (OWNERSHIP.equals(control) || status == 404 && e.ownedObject()) {
            count(enumeration, Detector.OBJECT_ENUMERATION, settings.enumeration(), subject != null ? subject
                    : address, e);
        }
        String jti = e.tokenId();
        if (tokenAddresses != null && jti != null && address != null
                && tokenAddresses.see(jti, address, now)) {
            Threshold t = settings.tokenAddresses();
            publish.accept(alert(Detector.TOKEN_MANY_ADDRESSES, jti, t.count(), t.count(), t.window(), e));
        }
        if (exfiltration != null && subject != null && status < 400) {
            long threshold = exfiltration.add(subject, e.responseBytes(), now);
            if (threshold >= 0) {
                publish.accept(alert(Detector.EXFILTRATION, subject, exfiltration.bytes(subject), threshold,
                        settings.exfiltrationWindow(), e));
            }
        }
    }

    private void count(SlidingCount counter, Detector detector, Threshold threshold, String key, AuditEvent e) {
        if (counter != null && key != null && counter.hit(key, e.epochMillis())) {
            publish.accept(alert(detector, key, threshold.count(), threshold.count(), threshold.window(), e));
        }
    }

    private static SecurityAlert alert(Detector detector, String key, long observed, long threshold, Duration window,
                                       AuditEvent e) {
        return new SecurityAlert(detector, key, observed, threshold, window, Instant.ofEpochMilli(e.epochMillis()),
                e.clientAddress(), e.subject(), e.route(), e.correlationId());
    }
}
