package dev.bulwark.internal.versioning;

import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.headers.ResponseHeaders;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.RequestState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A deployment's scheduled API versions at run time: which version a request is for (its path, matched against the
 * version prefixes the endpoint model found at deployment, or its header or media type parameter), where that
 * version stands now (time from the injected clock), and the lifecycle headers its responses carry, composed
 * once at deployment. Requests for an unscheduled version or none cost a few string comparisons.
 */
public final class Versions {

    /** The version the request is for and where it stood when the request arrived. */
    public static final RequestState.Key<Match> MATCH = RequestState.Key.of("API version", Match.class);

    /** One scheduled version with its header values (null: not sent). */
    record Entry(VersionSchedule schedule, String deprecation, String sunset, String link) {
        static Entry of(VersionSchedule s) {
            return new Entry(s, s.deprecationHeader(), s.sunsetHeader(), s.linkHeader());
        }
    }

    /** A request's version and its stage; {@link #refused()} when it answers 410. */
    public record Match(Entry entry, VersionSchedule.Stage stage, boolean serveAfterSunset) {

        public String version() {
            return entry.schedule().name();
        }

        /** A brown-out, or after the sunset unless configured to keep serving. */
        public boolean refused() {
            return stage == VersionSchedule.Stage.BROWN_OUT
                    || stage == VersionSchedule.Stage.RETIRED && !serveAfterSunset;
        }

        /** Deprecated (announced), in a brown-out or retired: its responses carry the lifecycle headers. */
        public boolean announced() {
            return stage != VersionSchedule.Stage.ACTIVE || entry.deprecation() == null && entry.sunset() != null;
        }

        /** The entry of the 410 problem's {@code errors}: the version, why, and its successor. */
        public Problem.FieldError refusal() {
            VersionSchedule s = entry.schedule();
            String why = stage == VersionSchedule.Stage.BROWN_OUT ? "in a scheduled brown-out before its sunset "
                    + s.sunset() : "retired on " + s.sunset();
            return new Problem.FieldError("version", s.name(), why + (s.successor() == null ? ""
                    : "; use " + s.successor()));
        }
    }

    /** How one segment of a version prefix matches a request's segment. */
    enum Kind {
        /** The segment as written (percent-escapes decoded). */
        LITERAL,
        /** A template without a regular expression ({@code {tenant}}, {@code t-{id}}): any one segment. */
        ONE,
        /** A template with a regular expression ({@code {p: .+}}), which may span slashes: any segments, or none. */
        ANY
    }

    /** One segment of a version prefix, classified at deployment. */
    record Segment(String text, Kind kind) {
        static Segment of(String text) {
            int open = text.indexOf('{');
            if (open < 0) {
                return new Segment(text, Kind.LITERAL);
            }
            return new Segment(text, text.indexOf(':', open) >= 0 ? Kind.ANY : Kind.ONE);
        }
    }

    private record Prefix(Segment[] segments, Entry entry) {
    }

    private final Clock clock;
    private final boolean serveAfterSunset;
    private final String source;
    private final String header;
    private final String parameter;
    private final Prefix[] prefixes;
    private final Map<String, Entry> byName;

    private Versions(VersioningSettings settings, List<Prefix> prefixes, Map<String, Entry> byName, Clock clock) {
        this.clock = clock;
        this.serveAfterSunset = settings.serveAfterSunset();
        this.source = settings.source();
        this.header = settings.header();
        this.parameter = settings.mediaTypeParameter();
        this.prefixes = prefixes.toArray(new Prefix[0]);
        this.byName = Map.copyOf(byName);
    }

    /**
     * The deployment's versions, or null when none has a deprecation or a sunset (nothing to do per request).
     *
     * @param policies the deployment's endpoints (with {@code source=path}, their version prefixes)
     */
    public static Versions of(VersioningSettings settings, List<EndpointPolicy> policies, Clock clock) {
        Map<String, Entry> byName = new HashMap<>();
        settings.schedule().values().stream().filter(VersionSchedule::scheduled)
                .forEach(s -> byName.put(s.name(), Entry.of(s)));
        if (byName.isEmpty()) {
            return null;
        }
        Map<String, Prefix> prefixes = new LinkedHashMap<>();
        if (settings.fromPath()) {
            for (EndpointPolicy p : policies) {
                ApiVersion v = p.get(ApiVersion.class);
                if (v != null && v.name() != null && byName.containsKey(v.name()) && matchable(v.prefix())) {
                    prefixes.computeIfAbsent(v.prefix(), k -> new Prefix(segments(k), byName.get(v.name())));
                }
            }
            if (prefixes.isEmpty()) {
                return null;
            }
        }
        Map<String, Entry> names = new HashMap<>();
        byName.forEach((name, entry) -> {
            names.put(name, entry);
            String alias = alias(name);
            if (alias != null) {
                names.putIfAbsent(alias, entry); // the keys refuse two listed names that are each other's alias
            }
        });
        return new Versions(settings, new ArrayList<>(prefixes.values()), names, clock);
    }

    /**
     * What fails the deployment, whatever {@code strict} says, because requests could reach a scheduled version
     * without Bulwark knowing it: an endpoint whose path puts more than one regular-expression template before its
     * version segment (its version could not be located without a regex per request), and, with
     * {@code source=path}, a listed version no endpoint's path has (a misspelt name would otherwise deploy and
     * never send a header or a 410).
     */
    public static List<String> problems(VersioningSettings settings, List<EndpointPolicy> policies) {
        List<String> problems = new ArrayList<>();
        if (!settings.fromPath()) {
            return problems;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EndpointPolicy p : policies) {
            ApiVersion v = p.get(ApiVersion.class);
            if (v == null || v.name() == null) {
                continue;
            }
            seen.add(v.name());
            if (!matchable(v.prefix())) {
                problems.add(p.site().httpMethod() + " " + p.site().path() + " (" + p.site().name() + ") puts more "
                        + "than one regular-expression template before its version segment " + v.name()
                        + ": Bulwark cannot tell which requests are for " + v.name() + " (one template with a regular "
                        + "expression, or any number without one, can be matched)");
            }
        }
        for (String listed : settings.schedule().keySet()) {
            if (!seen.contains(listed)) {
                problems.add(VersioningKeys.VERSIONS.name() + " lists '" + listed + "' but no endpoint's path has a "
                        + "segment /" + listed + "/ (with source=path a version is the segment v followed by digits "
                        + "in the path; a version whose code is gone answers 404, list it no more)");
            }
        }
        return problems;
    }

    /** At most one regular-expression template before the version: matched without a regex per request. */
    static boolean matchable(String prefix) {
        int any = 0;
        for (Segment s : segments(prefix)) {
            any += s.kind() == Kind.ANY ? 1 : 0;
        }
        return any <= 1;
    }

    /** The versions' prefixes ({@code /shop/api/v1}), for the start-up line. */
    public List<String> prefixes() {
        List<String> out = new ArrayList<>();
        for (Prefix p : prefixes) {
            out.add("/" + String.join("/", java.util.Arrays.stream(p.segments()).map(Segment::text).toList()));
        }
        return out;
    }

    /**
     * The scheduled version a request is for, or null. Every value of the version's header counts (each line, each
     * comma-separated element): when they name several scheduled versions, the request is for the one that
     * stands worst (refused, then announced), so that naming a second version cannot slip a retired one past.
     *
     * @param requestUri the raw request URI (context path included)
     * @param headers    the request's values of a header, by name (null or empty: none)
     */
    public Match match(String requestUri, Function<String, Enumeration<String>> headers) {
        return switch (source) {
            case "header" -> byHeader(headers.apply(header));
            case "media-type" -> worse(byMediaType(headers.apply("Accept")),
                    byMediaType(headers.apply("Content-Type")));
            default -> byPath(requestUri);
        };
    }

    private Match byHeader(Enumeration<String> values) {
        Match worst = null;
        while (values != null && values.hasMoreElements()) {
            String value = values.nextElement();
            int start = 0;
            while (value != null && start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                worst = worse(worst, named(value.substring(start, end)));
                start = end + 1;
            }
        }
        return worst;
    }

    private Match byMediaType(Enumeration<String> values) {
        Match[] worst = new Match[1];
        while (values != null && values.hasMoreElements()) {
            parameters(values.nextElement(), parameter, v -> worst[0] = worse(worst[0], named(v)));
        }
        return worst[0];
    }

    private Match named(String raw) {
        Entry entry = byName(raw);
        return entry == null ? null : at(entry, clock.instant());
    }

    /** The match that stands worse: refused, then announced, then the first. */
    static Match worse(Match a, Match b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Match m) {
        return m.refused() ? 2 : m.announced() ? 1 : 0;
    }

    Match at(Entry entry, Instant now) {
        return new Match(entry, entry.schedule().stage(now), serveAfterSunset);
    }

    /**
     * Writes the lifecycle headers of the request's version (none when it is not announced yet), each on its own:
     * a {@code Deprecation} or {@code Sunset} the application set itself is left as it is and the other headers are
     * still added; a {@code Link} header of its own is kept and Bulwark's added beside it. Idempotent: a second
     * run (a problem replacing an answer) adds nothing.
     *
     * @param addHeader adds a header value beside the existing ones
     * @param values     every value of a response header, by name
     */
    public static void write(Match match, ResponseHeaders headers,
                             java.util.function.BiConsumer<String, String> addHeader,
                             Function<String, ? extends Iterable<String>> values) {
        if (match == null || !match.announced()) {
            return;
        }
        Entry e = match.entry();
        if (e.deprecation() != null && !headers.contains("Deprecation")) {
            headers.setAbsent("Deprecation", e.deprecation());
        }
        if (e.sunset() != null && !headers.contains("Sunset")) {
            headers.setAbsent("Sunset", e.sunset());
        }
        if (e.link() != null) {
            if (!headers.contains("Link")) {
                headers.setAbsent("Link", e.link());
            } else if (!hasValue(values, "Link", e.link())) {
                addHeader.accept("Link", e.link());
            }
        }
    }

    /** True when one of the header's values holds {@code value} (Bulwark's own, written earlier). */
    private static boolean hasValue(Function<String, ? extends Iterable<String>> values, String name, String value) {
        Iterable<String> all = values.apply(name);
        if (all != null) {
            for (String v : all) {
                if (v != null && v.contains(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Entry byName(String raw) {
        String name = normalise(raw);
        return name == null || name.isEmpty() ? null : byName.get(name);
    }

    /**
     * The version of the prefixes the path starts with; when templates let it start with several
     * ({@code /api/{tenant}/v1} and {@code /api/v2} both hold {@code /api/v2/v1/orders}), the one that stands worst.
     */
    private Match byPath(String uri) {
        if (uri == null) {
            return null;
        }
        Match worst = null;
        for (Prefix p : prefixes) {
            if (startsWith(uri, p.segments()) && (worst == null || worst.entry() != p.entry())) {
                worst = worse(worst, at(p.entry(), clock.instant()));
            }
        }
        return worst;
    }

    /**
     * True when the path's first segments are {@code segments}: empty segments are skipped, matrix parameters
     * ({@code ;x=y}) dropped and percent-escapes decoded, as the JAX-RS runtime matches them, so that
     * {@code /api//v1;x/orders} or {@code /api/%761/orders} is v1 too.
     */
    static boolean startsWith(String uri, Segment[] segments) {
        return matchFrom(uri, 0, segments, 0);
    }

    /**
     * Matches {@code segments[k..]} from {@code uri[i..]}. A {@link Kind#ONE} template matches any one segment, an
     * {@link Kind#ANY} template any run of segments, none included (at most one per prefix: linear in the URI).
     */
    private static boolean matchFrom(String uri, int i, Segment[] segments, int k) {
        int n = uri.length();
        for (; k < segments.length; k++) {
            Segment expected = segments[k];
            while (i < n && uri.charAt(i) == '/') {
                i++;
            }
            if (expected.kind() == Kind.ANY) {
                while (true) {
                    if (matchFrom(uri, i, segments, k + 1)) {
                        return true;
                    }
                    if (i >= n || uri.charAt(i) == '?') {
                        return false;
                    }
                    i = segmentEnd(uri, i);
                    while (i < n && uri.charAt(i) == '/') {
                        i++;
                    }
                }
            }
            if (i >= n || uri.charAt(i) == '?') {
                return false; // no segment left
            }
            int start = i;
            boolean escaped = false;
            while (i < n) {
                char c = uri.charAt(i);
                if (c == '/' || c == ';' || c == '?') {
                    break;
                }
                escaped |= c == '%';
                i++;
            }
            if (expected.kind() == Kind.LITERAL) {
                String text = expected.text();
                boolean same = escaped ? decode(uri.substring(start, i)).equals(text)
                        : i - start == text.length() && uri.regionMatches(start, text, 0, text.length());
                if (!same) {
                    return false;
                }
            }
            i = segmentEnd(uri, i); // matrix parameters
        }
        return true;
    }

    /** Where the segment at {@code i} ends, its matrix parameters included: the next '/' or '?', or the end. */
    private static int segmentEnd(String uri, int i) {
        int n = uri.length();
        while (i < n && uri.charAt(i) != '/' && uri.charAt(i) != '?') {
            i++;
        }
        return i;
    }

    private static String decode(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return s;
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                return s;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** A path template's segments, split at the slashes outside its templates ({@code {p: a/b}} is one). */
    static Segment[] segments(String path) {
        List<Segment> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == '/' && depth == 0) {
                if (i > start) {
                    out.add(Segment.of(path.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return out.toArray(new Segment[0]);
    }

    /**
     * A version as a client writes it: surrounding spaces and one pair of quotes dropped, lower-cased (listed names
     * are lower-case). Nothing else changes: {@code 2026-01} stays {@code 2026-01}, {@code 1.0} is not {@code 1}.
     */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            v = v.substring(1, v.length() - 1);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /**
     * The other spelling clients may use for a listed name, or null: {@code v2} is also {@code 2}, {@code 2} also
     * {@code v2}, {@code 2026-01} also {@code v2026-01} (the {@code v} before a leading digit is optional, both
     * ways; {@link VersioningKeys} refuses a list holding both spellings).
     */
    static String alias(String name) {
        if (name.length() >= 2 && name.charAt(0) == 'v' && Character.isDigit(name.charAt(1))) {
            return name.substring(1);
        }
        return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "v" + name : null;
    }

    /**
     * Hands {@code consumer} the value of every parameter {@code name} in a media type list (RFC 9110 section 12.5.1:
     * comma-separated media ranges, parameters after {@code ;}, values tokens or quoted strings with
     * backslash escapes, names case-insensitive): {@code profile="urn:x;version=2"; version=1} has one
     * {@code version}, 1. Commas and semicolons inside quoted strings separate nothing.
     */
    static void parameters(String value, String name, java.util.function.Consumer<String> consumer) {
        if (value == null) {
            return;
        }
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c == '"') {
                i = quotedEnd(value, i, null); // malformed: a quoted string outside a parameter value
            } else if (c == ';') {
                i = skipSpace(value, i + 1);
                int nameStart = i;
                while (i < n && "=;,\"".indexOf(value.charAt(i)) < 0) {
                    i++;
                }
                String key = value.substring(nameStart, i).strip();
                if (i < n && value.charAt(i) == '=') {
                    i = skipSpace(value, i + 1);
                    String v;
                    if (i < n && value.charAt(i) == '"') {
                        StringBuilder text = new StringBuilder();
                        i = quotedEnd(value, i, text);
                        v = text.toString();
                    } else {
                        int valueStart = i;
                        while (i < n && value.charAt(i) != ';' && value.charAt(i) != ',') {
                            i++;
                        }
                        v = value.substring(valueStart, i).strip();
                    }
                    if (key.equalsIgnoreCase(name)) {
                        consumer.accept(v);
                    }
                }
            } else {
                i++;
            }
        }
    }

    /** The index after the quoted string opening at {@code i}, its unescaped text appended to {@code text}. */
    private static int quotedEnd(String value, int i, StringBuilder text) {
        int n = value.length();
        i++;
        while (i < n) {
            char c = value.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                i++;
                c = value.charAt(i);
            }
            if (text != null) {
                text.append(c);
            }
            i++;
        }
        return n;
    }

    private static int skipSpace(String value, int i) {
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
