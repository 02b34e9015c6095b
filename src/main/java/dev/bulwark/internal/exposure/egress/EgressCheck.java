package dev.bulwark.internal.exposure.egress;

import dev.bulwark.internal.observe.Observations;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The egress check of a deployment: which detectors run, what a hit does. The servlet adapter asks it, once per
 * response, for an {@link EgressResponse}, which wraps the body the application writes when it is JSON. Immutable.
 */
public final class EgressCheck {

    private final EgressSettings settings;
    private final Detectors detectors;
    /** In observe mode, what a hit would do when enforcing ({@code REDACT} or {@code PROBLEM}); else null. */
    private final EgressAction observed;

    public EgressCheck(EgressSettings settings) {
        this(settings, false);
    }

    /**
     * @param observe observe mode ({@code bulwark.observe=egress}): the check acts like {@code action=log}, and each
     *                hit that the configured action would have removed or refused is recorded in the request's
     *                {@link Observations}
     */
    public EgressCheck(EgressSettings settings, boolean observe) {
        boolean rewrites = settings.action() == EgressAction.REDACT || settings.action() == EgressAction.PROBLEM;
        this.observed = observe && rewrites ? settings.action() : null;
        this.settings = observed == null ? settings
                : new EgressSettings(EgressAction.LOG, settings.kinds(), settings.maxBuffer());
        this.detectors = new Detectors(settings.kinds());
    }

    /** False when {@code action=off} or no kind is checked: nothing is wrapped. */
    public boolean active() {
        return settings.action() != EgressAction.OFF && !settings.kinds().isEmpty();
    }

    /**
     * One response's check (null when the check is off).
     *
     * @param state    the request's state, where the JAX-RS binding of an {@code @EgressAllowed} method leaves the
     *                 kinds it may return (read when the body starts, after the resource method ran)
     * @param endpoint the method and path, for the log line (asked only on a hit)
     */
    public EgressResponse forResponse(String correlationId, Supplier<String> endpoint, RequestState state) {
        return active() ? new EgressResponse(correlationId, endpoint, state) : null;
    }

    /** {@link #bodyKind} results: not checked, JSON (or JSON lines, JSON text sequences), server-sent events. */
    static final int NOT_CHECKED = 0;
    static final int JSON = 1;
    static final int EVENT_STREAM = 2;

    /**
     * What the body is by its media type, decided once per response: {@link #JSON} for {@code application/json},
     * {@code application/*+json}, {@code text/json}, JSON lines ({@code application/x-ndjson},
     * {@code application/jsonl}, {@code application/json-lines}... any subtype naming ndjson, jsonl or json lines),
     * JSON text sequences ({@code application/json-seq}, {@code application/*+json-seq}); {@link #EVENT_STREAM} for
     * {@code text/event-stream} (its {@code data:} lines are read as lines of text); else {@link #NOT_CHECKED}.
     */
    static int bodyKind(String contentType) {
        if (contentType == null) {
            return NOT_CHECKED;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.equals("text/json")) {
            return JSON;
        }
        if (type.equals("text/event-stream")) {
            return EVENT_STREAM;
        }
        int slash = type.indexOf('/');
        if (slash < 0) {
            return NOT_CHECKED;
        }
        String top = type.substring(0, slash);
        String sub = type.substring(slash + 1);
        if (!top.equals("application") && !top.equals("text")) {
            return NOT_CHECKED;
        }
        boolean json = top.equals("application") && (sub.endsWith("+json") || sub.endsWith("+json-seq")
                || sub.equals("json-seq"));
        // JSON lines under their many names: x-ndjson, ndjson, jsonl, x-jsonl, json-lines, jsonlines, x-jsonlines
        String bare = sub.startsWith("x-") ? sub.substring(2) : sub;
        boolean lines = bare.equals("ndjson") || bare.equals("jsonl") || bare.equals("json-lines")
                || bare.equals("jsonlines") || bare.equals("ldjson");
        return json || lines ? JSON : NOT_CHECKED;
    }

    /** One response: wraps its body when it is JSON, and tells the adapter what became of it. */
    public final class EgressResponse {
        private final String correlationId;
        private final Supplier<String> endpoint;
        private final RequestState state;
        private EgressBody body;
        /** The response went asynchronous: nothing is held back any more (what {@link #end} would send, nobody ends). */
        private boolean released;

        EgressResponse(String correlationId, Supplier<String> endpoint, RequestState state) {
            this.correlationId = correlationId;
            this.endpoint = endpoint;
            this.state = state;
        }

        /**
         * The stream the application's bytes go through: a checking one for a JSON body sent without a content
         * coding, whatever charset its content type declares (the bytes decide: {@link SniffingStream}); else
         * {@code real}.
         */
        public OutputStream stream(OutputStream real, String contentType, String contentEncoding) {
            int kind = checked(contentType, contentEncoding);
            if (kind == NOT_CHECKED) {
                return real;
            }
            SniffingStream stream = new SniffingStream(real, scan(), holdsBack(kind), settings.maxBuffer());
            body = stream;
            return stream;
        }

        /** The writer the application's characters go through: a checking one for a JSON body; else {@code real}. */
        public Writer writer(Writer real, String contentType, String contentEncoding, String characterEncoding) {
            int kind = checked(contentType, contentEncoding);
            if (kind == NOT_CHECKED) {
                return real;
            }
            EgressWriter writer = new EgressWriter(real, scan(), holdsBack(kind), settings.maxBuffer(),
                    characterEncoding == null || characterEncoding.equalsIgnoreCase("utf-8")
                            || characterEncoding.equalsIgnoreCase("utf8"));
            body = writer.body();
            return writer;
        }

        private int checked(String contentType, String contentEncoding) {
            return contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")
                    ? bodyKind(contentType) : NOT_CHECKED;
        }

        /**
         * Action {@code problem} holds the body back, until the request goes asynchronous: the application then writes
         * after the filter returned, nobody can end the held body, and the check streams as {@code redact} does. An
         * event stream is never held back: its events are meant to arrive as they are sent.
         */
        private boolean holdsBack(int kind) {
            return settings.action() == EgressAction.PROBLEM && !released && kind != EVENT_STREAM;
        }

        private ResponseScan scan() {
            EgressAllowances.Allowed allowed = state == null ? null : state.get(EgressAllowances.STATE);
            return new ResponseScan(detectors, settings.action(), allowed == null ? 0 : allowed.mask(),
                    correlationId, endpoint, observed == null ? null : reason -> Observations.record(state,
                    Phase.EGRESS, observed == EgressAction.PROBLEM ? "response-replaced" : "value-removed", reason));
        }

        /** The application returned: what is still held back goes out (unless the response is refused). */
        public void end() throws java.io.IOException {
            if (body != null) {
                body.end();
            }
        }

        /**
         * The response goes on asynchronously: stop holding it back, and a body that starts from now on is checked
         * as it streams (a hit is removed, as with {@code redact}).
         */
        public void release() throws java.io.IOException {
            released = true;
            if (body != null) {
                body.release();
            }
        }

        /** True while the body is held back (action {@code PROBLEM}, within its buffer): nothing of it went out. */
        public boolean holdingBack() {
            return body != null && body.holdingBack();
        }

        /** The application reset the response's buffer: what was written is gone, the next byte starts a new body. */
        public void reset() {
            body = null;
        }

        /** True when a hit in the held-back body means the client must get the generic 500 problem instead. */
        public boolean refused() {
            return body != null && body.refused();
        }
    }
}
