package dev.bulwark.testkit.engine;

import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.ScanSettings;
import dev.bulwark.testkit.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * What every check works with: the settings, the API model, the identities, the probe that sends requests, what the
 * discovery step saw (ids per identity, bodies per endpoint), and where results go.
 */
public final class ScanContext {

    /** A subject a check tested, with the findings it had (none: it passed). */
    public record Tested(String check, String subject) {
    }

    private final ScanSettings settings;
    private final ApiModel api;
    private final Identities identities;
    private final Probe probe;
    private final SSLContext tls;
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final Set<Tested> tested = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<String, Map<String, Set<String>>> idsSeen = new LinkedHashMap<>();
    private final Map<String, Exchange> samples = new LinkedHashMap<>();
    private final Map<String, String> notRun = new LinkedHashMap<>();

    public ScanContext(ScanSettings settings, ApiModel api, Identities identities, Probe probe, SSLContext tls) {
        this.settings = settings;
        this.api = api;
        this.identities = identities;
        this.probe = probe;
        this.tls = tls;
        if (settings.httpUrl() != null) {
            probe.alsoOnTarget(settings.httpUrl());
        }
    }

    public ScanSettings settings() { return settings; }
    public ApiModel api() { return api; }
    public Identities identities() { return identities; }
    public Probe probe() { return probe; }
    /** The TLS context the probe uses (for checks that open their own sockets). */
    public SSLContext tls() { return tls; }

    public Exchange send(Request request) {
        return probe.send(request);
    }

    /** Records that {@code check} tested {@code subject} (a JUnit test case, passed unless a finding names it). */
    public void tested(String check, String subject) {
        tested.add(new Tested(check, subject));
    }

    /** Records a finding (and that its subject was tested). */
    public void report(String check, String rule, OwaspCategory category, Severity severity, ApiEndpoint endpoint,
                       String message, String evidence) {
        report(new Finding(check, rule, category, severity, endpoint.subject(), endpoint.handler(), message, evidence));
    }

    /**
     * Like {@link #report(Finding)}, unless a finding of the same rule and subject is already there: for a bug that
     * shows on every input (a stack trace for each bad name), the first shows it.
     */
    public void reportOnce(Finding finding) {
        synchronized (findings) {
            if (findings.stream().anyMatch(f -> f.rule().equals(finding.rule())
                    && f.subject().equals(finding.subject()))) {
                return;
            }
        }
        report(finding);
    }

    /** Records a finding (and that its subject was tested). */
    public void report(Finding finding) {
        tested(finding.check(), finding.subject());
        synchronized (findings) {
            boolean same = findings.stream().anyMatch(f -> f.rule().equals(finding.rule())
                    && f.subject().equals(finding.subject()) && f.message().equals(finding.message()));
            if (!same) {
                findings.add(finding);
            }
        }
    }

    /**
     * Records that {@code check} could not run (or could not conclude) and why; the report lists it beside the
     * checks the scan itself could not run.
     */
    public synchronized void notRun(String check, String reason) {
        notRun.merge(check, reason, (a, b) -> a + "; " + b);
    }

    public synchronized Map<String, String> notRun() {
        return Map.copyOf(notRun);
    }

    public List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    public List<Tested> testedSubjects() {
        synchronized (tested) {
            return List.copyOf(tested);
        }
    }

    /** Notes ids {@code identity} saw in answers from {@code endpoint} (discovery fills this). */
    public synchronized void sawIds(Identity identity, String field, Set<String> ids) {
        idsSeen.computeIfAbsent(identity.name(), k -> new LinkedHashMap<>())
                .computeIfAbsent(field, k -> new LinkedHashSet<>()).addAll(ids);
    }

    /** The ids {@code identity} saw, by the field name they came in ({@code id}, {@code orderId}, ...). */
    public synchronized Map<String, Set<String>> idsSeenBy(Identity identity) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        // In the order seen (Set.copyOf would not keep it, and the checks' requests must be deterministic).
        idsSeen.getOrDefault(identity.name(), Map.of()).forEach((k, v) -> out.put(k,
                Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        return out;
    }

    /** Keeps a successful answer of an endpoint for an identity ({@code subject + " as " + identity}). */
    public synchronized void sample(ApiEndpoint endpoint, Identity identity, Exchange exchange) {
        samples.put(endpoint.subject() + " as " + identity.name(), exchange);
    }

    public synchronized Exchange sampleOf(ApiEndpoint endpoint, Identity identity) {
        return samples.get(endpoint.subject() + " as " + identity.name());
    }

    /** The ordinary identities and the admin, those the scan has. */
    public List<Identity> callers() {
        List<Identity> out = new ArrayList<>();
        if (identities.hasUsers()) {
            out.add(identities.user1());
            out.add(identities.user2());
        }
        identities.admin().ifPresent(out::add);
        return out;
    }
}
