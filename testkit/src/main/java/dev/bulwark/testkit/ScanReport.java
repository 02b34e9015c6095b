package dev.bulwark.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scan found: the findings (accepted ones apart, each with its reason), every subject each check tested, the
 * checks that could not run and why, and the numbers (requests, time).
 */
public record ScanReport(String target, Instant started, Duration took, int requests, List<Finding> findings,
                         List<AcceptedFinding> accepted, List<TestedSubject> tested, Map<String, String> notRun) {

    /** A finding accepted by the settings, with the reason given there. */
    public record AcceptedFinding(Finding finding, String reason) {
    }

    /** A subject a check tested. */
    public record TestedSubject(String check, String subject) {
    }

    public ScanReport {
        findings = List.copyOf(findings);
        accepted = List.copyOf(accepted);
        tested = List.copyOf(tested);
        notRun = java.util.Collections.unmodifiableMap(new TreeMap<>(notRun));
    }

    /**
     * True when a reason in {@link #notRun()} means the scan did not do what it was asked (a check failed, nothing
     * answered, the request budget ran out), not that a check had nothing to test here (no users, an http: base).
     */
    public static boolean failure(String reason) {
        return reason.startsWith("error") || reason.startsWith("stopped") || reason.startsWith("not run");
    }

    /** True when some check failed or did not finish ({@link #failure(String)}). */
    public boolean incomplete() {
        return notRun.values().stream().anyMatch(ScanReport::failure);
    }

    /** The findings at or above {@code severity}. */
    public List<Finding> atOrAbove(Severity severity) {
        return findings.stream().filter(f -> f.severity().compareTo(severity) >= 0).toList();
    }

    /** True when no finding reaches {@code severity}. */
    public boolean passes(Severity severity) {
        return atOrAbove(severity).isEmpty();
    }

    /** The findings of one subject of one check. */
    public List<Finding> findingsOf(String check, String subject) {
        return findings.stream().filter(f -> f.check().equals(check) && f.subject().equals(subject)).toList();
    }

    /** A readable summary: counts per category, then each finding, then what did not run. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("Bulwark security scan of ").append(target).append(": ").append(findings.size())
                .append(findings.size() == 1 ? " finding" : " findings").append(", ").append(accepted.size())
                .append(" accepted, ").append(tested.size()).append(" subjects tested, ").append(requests)
                .append(" requests in ").append(took.toSeconds()).append(" s\n");
        Map<OwaspCategory, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.category(), 1, Integer::sum));
        counts.forEach((c, n) -> out.append("  ").append(c.id()).append(" ").append(c.title()).append(": ").append(n)
                .append('\n'));
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> b.severity().compareTo(a.severity()));
        for (Finding f : sorted) {
            out.append(f.line()).append('\n');
            if (!f.evidence().isEmpty()) {
                out.append("    evidence: ").append(f.evidence()).append('\n');
            }
        }
        for (AcceptedFinding a : accepted) {
            out.append("[accepted] ").append(a.finding().line()).append(" (").append(a.reason()).append(")\n");
        }
        notRun.forEach((check, why) -> out.append("[not run] ").append(check).append(": ").append(why).append('\n'));
        return out.toString();
    }
}
