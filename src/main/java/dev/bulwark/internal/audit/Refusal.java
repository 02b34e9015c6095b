package dev.bulwark.internal.audit;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import java.util.Locale;

/**
 * Who refused a request and why, kept in its {@link RequestState} by the step that refused it (the first one wins)
 * for the access event and the refusal counters.
 *
 * @param control the refusing control: a {@link Phase}'s label ({@code ownership}, {@code bearer-token}...), or a
 *                concern ({@code authentication}, {@code validation}...) when the thrower named no phase, or
 *                {@code application} / {@code container} for an error response neither Bulwark's controls made
 * @param kind    the problem's kind: its type slug, else its name ({@code unauthorized}, {@code not-found}...); few
 *                values, fit for a metric tag
 * @param reason  the real reason, as the server log has it (escaped and cut short when written); never sent
 */
public record Refusal(String control, String kind, String reason) {

    /** Cut when made (it waits in the audit queue): the reason may quote what the client sent. */
    public Refusal {
        control = AuditEvent.held(control, EcsLine.MAX_SHORT);
        kind = AuditEvent.held(kind, EcsLine.MAX_SHORT);
        reason = AuditEvent.held(reason, EcsLine.MAX_REASON);
    }

    /** The slot of the request's refusal. */
    public static final RequestState.Key<Refusal> KEY = RequestState.Key.of("refusal", Refusal.class);

    /** An error response from the application (its exception or its own error status). */
    public static final String APPLICATION = "application";
    /** An error the container raised before Bulwark's filter saw the request. */
    public static final String CONTAINER = "container";

    /** A refusal by one of Bulwark's steps. */
    public static Refusal of(Phase phase, ProblemKind kind, String reason) {
        return new Refusal(label(phase), kind(kind), reason);
    }

    /** The refusal an exception of Bulwark's checks carries: its phase, else the concern its kind belongs to. */
    public static Refusal of(ProblemException e) {
        return new Refusal(e.phase() != null ? label(e.phase()) : concern(e.kind()), kind(e.kind()), e.getMessage());
    }

    /** Records the refusal unless an earlier step recorded one. */
    public static void record(RequestState state, Refusal refusal) {
        if (state != null && !state.has(KEY)) {
            state.put(KEY, refusal);
        }
    }

    /** {@code OWNERSHIP} -> {@code ownership}, {@code BEARER_TOKEN} -> {@code bearer-token}. */
    public static String label(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind's type slug, else its name in the same form. */
    public static String kind(ProblemKind kind) {
        return kind.label();
    }

    /** True when one of Bulwark's controls refused (not the application or the container). */
    public boolean byBulwark() {
        return !APPLICATION.equals(control) && !CONTAINER.equals(control);
    }

    /** The concern a refusal of this kind comes from, for a thrower that named no phase. */
    static String concern(ProblemKind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> "authentication";
            case FORBIDDEN -> "authorization";
            case TOO_MANY_REQUESTS, UNAVAILABLE -> "rate-limit";
            case HTTPS_REQUIRED -> "https";
            case CORS_REFUSED -> "cors";
            case VERSION_RETIRED -> "version";
            case METHOD_NOT_ALLOWED -> "method";
            case MALFORMED_BODY, VALIDATION, BODY_LIMIT, UNREADABLE_BODY, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE,
                 LENGTH_REQUIRED -> "validation";
            default -> APPLICATION;
        };
    }
}
