package dev.bulwark.internal.audit;


/**
 * One JSON object on one line, with Elastic Common Schema field names written dotted at the top level (as the ECS
 * logging libraries do), so that Elasticsearch, OpenSearch, Splunk and Loki take it without a mapping. Every string
 * is escaped: the output is pure ASCII, with quotes, backslashes, every control character, U+2028 / U+2029 and
 * everything outside ASCII written as JSON escapes, so no value can break the line, forge a field or a second line;
 * and every value is cut to its field's bound (a cut value ends with {@value #CUT}). Built on the audit writer's
 * thread only.
 */
public final class EcsLine {

    /** The ECS version the field names follow. */
    public static final String ECS_VERSION = "8.11.0";
    /** Appended to a value that was cut to its bound. */
    public static final String CUT = "...";

    static final int MAX_PATH = 1024;
    static final int MAX_ROUTE = 512;
    static final int MAX_USER_AGENT = 512;
    static final int MAX_REASON = 300;
    static final int MAX_IDENTITY = 256;
    static final int MAX_SHORT = 128;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(1024);
    private boolean first = true;

    private EcsLine() {
    }

    /** A new line, with the fields every Bulwark line starts with. */
    static EcsLine start(long epochMillis, String level, String logger) {
        EcsLine line = new EcsLine();
        line.out.append('{');
        line.name("@timestamp");
        line.timestamp(epochMillis);
        line.field("log.level", level, MAX_SHORT);
        line.field("log.logger", logger, MAX_SHORT);
        line.field("ecs.version", ECS_VERSION, MAX_SHORT);
        return line;
    }

    /** The access event of one request. */
    public static String of(AuditEvent e) {
        Refusal refusal = e.refusal();
        boolean refused = e.refusedByBulwark();
        EcsLine line = start(e.epochMillis(), "info", AuditLog.LOGGER_NAME);
        line.field("message", message(e), MAX_PATH + 64);
        line.field("event.kind", "event", MAX_SHORT);
        line.array("event.category", "web");
        if (refused) {
            line.array("event.type", "access", "denied");
        } else if (e.status() >= 500) {
            line.array("event.type", "access", "error");
        } else {
            line.array("event.type", "access");
        }
        line.field("event.action", refused ? "request-refused" : "request-served", MAX_SHORT);
        line.field("event.outcome", e.status() >= 400 ? "failure" : "success", MAX_SHORT);
        line.field("event.duration", Math.max(0, e.durationNanos()));
        line.field("event.dataset", "bulwark.access", MAX_SHORT);
        line.field("event.module", "bulwark", MAX_SHORT);
        if (refusal != null) {
            line.field("event.reason", refusal.reason(), MAX_REASON);
            line.field("bulwark.control", refusal.control(), MAX_SHORT);
            line.field("bulwark.refusal", refusal.kind(), MAX_SHORT);
        }
        if (!e.observed().isEmpty()) {
            // what observed controls would have refused: the outcome above is what really happened
            String[] controls = new String[e.observed().size()];
            String[] observed = new String[controls.length];
            for (int i = 0; i < controls.length; i++) {
                var o = e.observed().get(i);
                controls[i] = o.control();
                observed[i] = o.control() + " (" + o.step() + ") " + o.kind() + ": " + o.reason();
            }
            line.array("bulwark.observed_controls", MAX_SHORT, controls);
            line.array("bulwark.observed", MAX_REASON, observed);
        }
        line.field("http.request.method", e.method(), MAX_SHORT);
        line.field("http.request.id", e.correlationId(), MAX_SHORT);
        if (e.requestBytes() >= 0) {
            line.field("http.request.body.bytes", e.requestBytes());
        }
        line.field("http.response.status_code", e.status());
        line.field("http.response.body.bytes", Math.max(0, e.responseBytes()));
        line.field("url.path", e.path(), MAX_PATH);
        line.field("bulwark.route", e.route(), MAX_ROUTE);
        if (isIp(e.clientAddress())) {
            line.field("client.ip", e.clientAddress(), MAX_SHORT);
        }
        line.field("client.address", e.clientAddress(), MAX_SHORT);
        line.field(e.tokenSubject() ? "user.id" : "user.name", e.subject(), MAX_IDENTITY);
        line.field("bulwark.client_id", e.clientId(), MAX_IDENTITY);
        line.field("user_agent.original", e.userAgent(), MAX_USER_AGENT);
        line.field("trace.id", traceId(e.traceparent()), MAX_SHORT);
        return line.end();
    }

    /** An alert: a WARNING line in the same format. */
    public static String of(dev.bulwark.api.SecurityAlert a) {
        String detector = a.detector().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        EcsLine line = start(a.at().toEpochMilli(), "warn", AuditLog.LOGGER_NAME);
        line.field("message", "Bulwark alert " + detector + " for " + a.key() + ": " + switch (a.detector()) {
            case NEW_ACCESS -> "a route or role it never used before, " + a.route();
            case ADMIN_NEW_ADDRESS -> "a privileged call from an address it has not used for one within " + a.window()
                    + ", " + a.clientAddress();
            case ALERTS_SUPPRESSED -> a.observed() + " more alerts suppressed within " + a.window() + " (at most "
                    + a.threshold() + " per window: bulwark.alerts.max-alerts-per-window)";
            default -> a.observed() + " within " + a.window() + " (threshold " + a.threshold() + ")";
        }, MAX_PATH);
        line.field("event.kind", "alert", MAX_SHORT);
        line.array("event.category", "intrusion_detection", "web");
        line.array("event.type", "indicator");
        line.field("event.action", detector, MAX_SHORT);
        line.field("event.dataset", "bulwark.alert", MAX_SHORT);
        line.field("event.module", "bulwark", MAX_SHORT);
        line.field("event.severity", 3);
        line.field("rule.name", detector, MAX_SHORT);
        line.field("bulwark.alert.key", a.key(), MAX_IDENTITY);
        line.field("bulwark.alert.observed", a.observed());
        line.field("bulwark.alert.threshold", a.threshold());
        line.field("bulwark.alert.window_seconds", a.window().toSeconds());
        line.field("http.request.id", a.correlationId(), MAX_SHORT);
        line.field("bulwark.route", a.route(), MAX_ROUTE);
        if (isIp(a.clientAddress())) {
            line.field("client.ip", a.clientAddress(), MAX_SHORT);
        }
        line.field("client.address", a.clientAddress(), MAX_SHORT);
        line.field("user.id", a.subject(), MAX_IDENTITY);
        return line.end();
    }

    private static String message(AuditEvent e) {
        return e.method() + " " + e.path() + " " + e.status()
                + (e.refusedByBulwark() ? " refused by " + e.refusal().control() : "");
    }

    /**
     * The trace id of a well-formed W3C traceparent ({@code 00-<32 hex>-<16 hex>-<2 hex>}, not all zeros), else
     * null: nothing the client made up beyond that shape reaches the line.
     */
    static String traceId(String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-'
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return null;
        }
        boolean zero = true;
        for (int i = 3; i < 35; i++) {
            char c = traceparent.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
            zero &= c == '0';
        }
        return zero ? null : traceparent.substring(3, 35);
    }

    /** Whether the address is an IP literal (ECS {@code client.ip} is typed ip: anything else would fail a mapping). */
    static boolean isIp(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return false;
        }
        boolean colon = false;
        int dots = 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (c == '.') {
                dots++;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return colon || dots == 3;
    }

    /** Writes {@code "name":"value"}, the value escaped and cut to {@code max}; a null value is left out. */
    EcsLine field(String name, String value, int max) {
        if (value != null) {
            name(name);
            string(value, max);
        }
        return this;
    }

    EcsLine field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    EcsLine array(String name, String... values) {
        return array(name, MAX_SHORT, values);
    }

    /** Writes {@code "name":["value",...]}, each value escaped and cut to {@code max}. */
    EcsLine array(String name, int max, String... values) {
        name(name);
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values[i], max);
        }
        out.append(']');
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        out.append('"').append(name).append("\":");
    }

    /** {@code "2026-11-30T23:05:15.370Z"}: ISO 8601 in UTC with milliseconds, without a formatter. */
    private void timestamp(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int second = (int) Math.floorMod(seconds, 86_400L);
        out.append('"').append(day.getYear()).append('-');
        two(day.getMonthValue());
        out.append('-');
        two(day.getDayOfMonth());
        out.append('T');
        two(second / 3600);
        out.append(':');
        two(second / 60 % 60);
        out.append(':');
        two(second % 60);
        out.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10)).append("Z\"");
    }

    private void two(int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private void string(String s, int max) {
        int end = Math.min(s.length(), max);
        if (end < s.length() && end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never half a pair
        }
        out.append('"');
        int plain = 0; // the start of the run of characters written as they are
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            }
        }
        out.append(s, plain, end);
        if (end < s.length()) {
            out.append(CUT);
        }
        out.append('"');
    }
}
