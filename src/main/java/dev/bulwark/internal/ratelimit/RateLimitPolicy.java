package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.pipeline.PolicyPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits of one endpoint: its {@code @RateLimit} annotations, else the configured defaults (per client address
 * without a verified token, per subject with one; either may be off). A bean method has only annotated limits.
 */
public final class RateLimitPolicy implements PolicyPart {

    private final List<Limit> annotated;
    private final Limit anonymous;
    private final Limit authenticated;
    /** What {@link #limitsFor} answers, and the {@code RateLimit-Policy} field of each, made once. */
    private final List<Limit> forAnonymous;
    private final List<Limit> forVerified;
    private final String anonymousField;
    private final String verifiedField;

    /**
     * @param annotated     the endpoint's own limits, or null to use the defaults
     * @param anonymous     the default for callers without a verified token, or null (off)
     * @param authenticated the default for callers with one, or null (off)
     */
    public RateLimitPolicy(List<Limit> annotated, Limit anonymous, Limit authenticated) {
        this.annotated = annotated == null ? null : List.copyOf(annotated);
        this.anonymous = anonymous;
        this.authenticated = authenticated;
        this.forAnonymous = this.annotated != null ? this.annotated : anonymous == null ? List.of() : List.of(anonymous);
        this.forVerified = this.annotated != null ? this.annotated
                : authenticated == null ? List.of() : List.of(authenticated);
        this.anonymousField = Limiter.policyField(forAnonymous);
        this.verifiedField = Limiter.policyField(forVerified);
    }

    /** The endpoint's own limits, or null when the defaults apply. */
    public List<Limit> annotated() {
        return annotated;
    }

    /** The default for callers without a verified token, or null (off). */
    public Limit anonymous() {
        return anonymous;
    }

    /** The default for callers with one, or null (off). */
    public Limit authenticated() {
        return authenticated;
    }

    /** The limits that count a request, given whether its caller has a verified token. */
    public List<Limit> limitsFor(boolean verifiedCaller) {
        return verifiedCaller ? forVerified : forAnonymous;
    }

    /** The {@code RateLimit-Policy} field of {@link #limitsFor} (empty without limits). */
    public String policyFieldFor(boolean verifiedCaller) {
        return verifiedCaller ? verifiedField : anonymousField;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (annotated != null) {
            annotated.forEach(l -> parts.add(describe(l)));
        } else {
            if (anonymous != null) {
                parts.add(describe(anonymous) + " (default)");
            }
            if (authenticated != null) {
                parts.add(describe(authenticated) + " (default)");
            }
        }
        return String.join(", ", parts);
    }

    private static String describe(Limit l) {
        RatePolicy p = l.policy();
        String scope = l.scope().startsWith("group:") ? " " + l.scope() : "";
        String name = p.name().equals("default") ? "" : p.name() + " ";
        return name + p.limit() + "/" + compact(p.window()) + " per " + l.key().name().toLowerCase(Locale.ROOT) + scope;
    }

    private static String compact(java.time.Duration d) {
        if (d.toMillis() % 86_400_000L == 0) {
            return d.toDays() + "d";
        }
        if (d.toMillis() % 3_600_000L == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000L == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
