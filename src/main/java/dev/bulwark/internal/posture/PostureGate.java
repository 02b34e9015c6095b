package dev.bulwark.internal.posture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The thresholds a build sets on a posture report: at most {@code maxFindings} findings (negative: no limit), no
 * finding at all in the categories of {@code failOn}, and no scored category below {@code minScore} (negative: no
 * minimum). {@link #violations} says which ones a report breaks; a build fails when there is any.
 */
public record PostureGate(int maxFindings, Set<OwaspCategory> failOn, int minScore) {

    /** No threshold: every report passes. */
    public static final PostureGate NONE = new PostureGate(-1, Set.of(), -1);

    public PostureGate {
        failOn = failOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(failOn));
    }

    /** The thresholds the report breaks, one line each; empty when it passes. */
    public List<String> violations(PostureReport report) {
        List<String> out = new ArrayList<>();
        int findings = report.findings().size();
        if (maxFindings >= 0 && findings > maxFindings) {
            out.add(findings + " findings, more than the " + maxFindings + " allowed (--fail-above " + maxFindings
                    + ")");
        }
        for (PostureReport.CategoryScore s : report.scores()) {
            if (failOn.contains(s.category()) && !s.findings().isEmpty()) {
                out.add(s.findings().size() + " finding(s) in " + s.category().label() + " (--fail-on "
                        + s.category().name() + "), first: " + s.findings().get(0).where() + ": "
                        + s.findings().get(0).text());
            }
            if (minScore >= 0 && s.score() != null && s.score() < minScore) {
                out.add(s.category().label() + " scores " + s.score() + ", below " + minScore + " (--min-score)");
            }
        }
        return out;
    }
}
