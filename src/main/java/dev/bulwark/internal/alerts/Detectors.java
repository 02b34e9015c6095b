package dev.bulwark.internal.alerts;

import dev.bulwark.api.SecurityAlert;
import dev.bulwark.api.SecurityAlert.Detector;
import dev.bulwark.internal.audit.AuditEvent;
import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.authz.Roles;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.ratelimit.RedisScripts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The anomaly detectors over the deployment's access events, run on the audit writer's thread with each event's own
 * time (so tests move a clock, never sleep). Each detector counts by its key within its sliding window and raises at
 * most one {@link SecurityAlert} per key and window, and at most {@code bulwark.alerts.max-alerts-per-window} per
 * window in all ({@link AlertCap}); each remembers at most {@code bulwark.alerts.max-keys} keys. A client address is
 * counted by its {@link AddressKey} (an IPv6 client by its /64). With shared windows ({@code bulwark.alerts.store}),
 * the count detectors count in Redis ({@link SharedWindows}: one alert across the servers), their in-memory windows
 * standing in while it does not answer; the exfiltration and novelty detectors stay per server.
 */
public final class Detectors implements Consumer<AuditEvent> {

    /** The key of the deployment-wide count. */
    public static final String ALL = "*";
    private static final String OWNERSHIP = Refusal.label(Phase.OWNERSHIP);
    private static final String HTTPS = Refusal.label(Phase.HTTPS);
    private static final String CORS = Refusal.label(Phase.CORS);
    /** Address rules refuse where a request comes from, not who it claims to be: not an authentication failure. */
    private static final String ADDRESS_RULES = Refusal.label(Phase.ADDRESS_RULES);
    private static final String ROLE_ADDRESSES = Refusal.label(Phase.ROLE_ADDRESSES);

    private final AlertSettings settings;
    private final AlertCap cap;
    private final CountWindow failuresByAddress;
    private final CountWindow failuresBySubject;
    private final CountWindow failuresTotal;
    private final CountWindow rateLimited;
    private final CountWindow enumeration;
    private final DistinctWindow tokenAddresses;
    private final ExfiltrationBaseline exfiltration;
    private final ExfiltrationBaseline exfiltrationItems;
    private final NewAccess newAccess;
    private final AdminAddresses adminAddresses;

    /** @param publish where an alert goes (the CDI event, the WARNING line, the counter, the webhook) */
    public Detectors(AlertSettings settings, Consumer<SecurityAlert> publish) {
        this(settings, publish, detector -> { }, (SharedWindows) null);
    }

    /**
     * @param publish    where an alert goes (the CDI event, the WARNING line, the counter, the webhook)
     * @param suppressed told the detector of each alert suppressed beyond {@code bulwark.alerts.max-alerts-per-window}
     *                   (the metric)
     */
    public Detectors(AlertSettings settings, Consumer<SecurityAlert> publish, Consumer<Detector> suppressed) {
        this(settings, publish, suppressed, (SharedWindows) null);
    }

    /**
     * @param publish       where an alert goes (the CDI event, the WARNING line, the counter, the webhook)
     * @param suppressed    told the detector of each alert suppressed beyond the cap (the metric)
     * @param shared        the rate limiter's Redis for the count windows, or null: every window in memory
     * @param prefix        the rate limiter's Redis key prefix
     * @param storeFailures told of each failed call to Redis (a counter)
     */
    public Detectors(AlertSettings settings, Consumer<SecurityAlert> publish, Consumer<Detector> suppressed,
                     RedisScripts shared, String prefix, Runnable storeFailures) {
        this(settings, publish, suppressed, shared == null ? null
                : new SharedWindows(shared, prefix, settings.maxKeys(), storeFailures));
    }

    /** For tests of the shared windows: no suppression metric. */
    Detectors(AlertSettings settings, Consumer<SecurityAlert> publish, RedisScripts shared, String prefix,
              Runnable storeFailures) {
        this(settings, publish, detector -> { }, shared, prefix, storeFailures);
    }

    private Detectors(AlertSettings settings, Consumer<SecurityAlert> publish, Consumer<Detector> suppressed,
                      SharedWindows shared) {
        this.settings = settings;
        this.cap = new AlertCap(settings.maxAlertsPerWindow(), publish, suppressed);
        int max = settings.maxKeys();
        this.failuresByAddress = count(settings.failuresPerAddress(), max, shared, Detector.AUTH_FAILURES_BY_ADDRESS);
        this.failuresBySubject = count(settings.failuresPerSubject(), max, shared, Detector.AUTH_FAILURES_BY_SUBJECT);
        this.failuresTotal = count(settings.failuresTotal(), 1, shared, Detector.AUTH_FAILURES_TOTAL);
        this.rateLimited = count(settings.rateLimited(), max, shared, Detector.RATE_LIMITED);
        this.enumeration = count(settings.enumeration(), max, shared, Detector.OBJECT_ENUMERATION);
        DistinctCount addresses = settings.tokenAddresses().off() ? null
                : new DistinctCount(settings.tokenAddresses(), max);
        this.tokenAddresses = addresses == null || shared == null ? addresses
                : shared.distinct(rule(Detector.TOKEN_MANY_ADDRESSES), settings.tokenAddresses(), addresses);
        this.exfiltration = settings.exfiltrationFactor() == 0 ? null : new ExfiltrationBaseline(
                settings.exfiltrationFactor(), settings.exfiltrationMinBytes(),
                settings.exfiltrationWindow().toMillis(), max);
        this.exfiltrationItems = settings.exfiltrationItemsFactor() == 0 ? null : new ExfiltrationBaseline(
                settings.exfiltrationItemsFactor(), settings.exfiltrationMinItems(),
                settings.exfiltrationWindow().toMillis(), max);
        NoveltySettings n = settings.novelty();
        this.newAccess = n.newAccess() == NoveltySettings.NewAccessScope.OFF ? null : new NewAccess(
                n.newAccessLearning().toMillis(), n.newAccessMaxRoutes(), n.newAccessWindow().toMillis(), max);
        this.adminAddresses = !n.adminAddress() || n.privilegedRoles().isEmpty() ? null : new AdminAddresses(
                n.adminAddressMemory().toMillis(), n.adminAddressLearning().toMillis(),
                n.adminAddressMaxAddresses(), n.adminAddressWindow().toMillis(), max);
    }

    private static CountWindow count(Threshold threshold, int maxKeys, SharedWindows shared,
                                           Detector detector) {
        if (threshold.off()) {
            return null;
        }
        SlidingCount local = new SlidingCount(threshold, maxKeys);
        return shared == null ? local : shared.count(rule(detector), threshold, local);
    }

    /** The detector's name in Redis keys and in the alert line: {@code auth-failures-by-address}. */
    private static String rule(Detector detector) {
        return detector.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public void accept(AuditEvent e) {
        long now = e.epochMillis();
        cap.close(now); // the summaries of the windows that ended
        int status = e.status();
        String address = AddressKey.of(e.clientAddress()); // an IPv6 client by its /64
        String subject = e.subject();
        String control = e.refusal() == null ? null : e.refusal().control();
        if ((status == 401 || status == 403) && !HTTPS.equals(control) && !CORS.equals(control)
                && !ADDRESS_RULES.equals(control) && !ROLE_ADDRESSES.equals(control)) {
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
            cap.raise(alert(Detector.TOKEN_MANY_ADDRESSES, jti, t.count(), t.count(), t.window(), e), t.window());
        }
        if (exfiltration != null && subject != null && status < 400) {
            long threshold = exfiltration.add(subject, e.responseBytes(), now);
            if (threshold >= 0) {
                cap.raise(alert(Detector.EXFILTRATION, subject, exfiltration.bytes(subject), threshold,
                        settings.exfiltrationWindow(), e), settings.exfiltrationWindow());
            }
        }
        if (exfiltrationItems != null && subject != null && status < 400) {
            long threshold = exfiltrationItems.add(subject, Math.max(0, e.responseItems()), now);
            if (threshold >= 0) {
                cap.raise(alert(Detector.EXFILTRATION_ITEMS, subject, exfiltrationItems.bytes(subject),
                        threshold, settings.exfiltrationWindow(), e), settings.exfiltrationWindow());
            }
        }
        if (subject != null && status < 400 && (newAccess != null || adminAddresses != null)) {
            novelty(e, subject, address, now);
        }
    }

    /** The new-access and admin-new-address detectors over a successful call of an identified subject. */
    private void novelty(AuditEvent e, String subject, String address, long now) {
        NoveltySettings n = settings.novelty();
        Set<String> used = rolesUsed(e);
        Set<String> privileged = privileged(e, used, n.privilegedRoles());
        if (newAccess != null) {
            boolean all = n.newAccess() == NoveltySettings.NewAccessScope.ALL;
            String route = all || !privileged.isEmpty() ? e.route() : null;
            if (newAccess.use(subject, route, all ? used : privileged, now)) {
                cap.raise(alert(Detector.NEW_ACCESS, subject, 1, 1, n.newAccessLearning(), e), n.newAccessWindow());
            }
        }
        if (adminAddresses != null && !privileged.isEmpty() && address != null
                && adminAddresses.call(subject, address, now)) {
            cap.raise(alert(Detector.ADMIN_NEW_ADDRESS, subject, 1, 1, n.adminAddressMemory(), e),
                    n.adminAddressWindow());
        }
    }

    /**
     * The endpoint's roles the caller evidently used: those its verified token's {@code groups} hold; for a caller
     * the container authenticated (whose roles only the container knows), the endpoint's one role, else none.
     */
    private static Set<String> rolesUsed(AuditEvent e) {
        Set<String> roles = e.endpointRoles();
        if (roles.isEmpty()) {
            return Set.of();
        }
        if (e.claims() != null) {
            Set<String> groups = Scopes.groups(e.claims());
            Set<String> used = new HashSet<>(roles);
            used.retainAll(groups);
            return used;
        }
        return roles.size() == 1 && !roles.contains(Roles.ANY_AUTHENTICATED) ? roles : Set.of();
    }

    /**
     * The privileged roles of a call: those of the roles it used; for a caller the container authenticated, every
     * role of the endpoint when all of them are privileged (whichever let it in was one).
     */
    private static Set<String> privileged(AuditEvent e, Set<String> used, Set<String> privilegedRoles) {
        if (e.claims() == null && privilegedRoles.containsAll(e.endpointRoles())) {
            return e.endpointRoles();
        }
        if (used.isEmpty()) {
            return Set.of(); // most calls: nothing to allocate
        }
        Set<String> out = new HashSet<>(used);
        out.retainAll(privilegedRoles);
        return out;
    }

    private void count(CountWindow counter, Detector detector, Threshold threshold, String key, AuditEvent e) {
        if (counter != null && key != null && counter.hit(key, e.epochMillis())) {
            cap.raise(alert(detector, key, threshold.count(), threshold.count(), threshold.window(), e),
                    threshold.window());
        }
    }

    private static SecurityAlert alert(Detector detector, String key, long observed, long threshold, Duration window,
                                       AuditEvent e) {
        return new SecurityAlert(detector, key, observed, threshold, window, Instant.ofEpochMilli(e.epochMillis()),
                e.clientAddress(), e.subject(), e.route(), e.correlationId());
    }
}
