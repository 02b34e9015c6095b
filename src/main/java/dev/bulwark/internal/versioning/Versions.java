package dev.bulwark.internal.versioning;

import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.headers.ResponseHeaders;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.RequestState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    private record Prefix(String[] segments, Entry entry) {
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
                if (v != null && v.name() != null && byName.containsKey(v.name())) {
                    prefixes.computeIfAbsent(v.prefix(), k -> new Prefix(segments(k), byName.get(v.name())));
                }
            }
            if (prefixes.isEmpty()) {
                return null;
            }
        }
        return new Versions(settings, new ArrayList<>(prefixes.values()), byName, clock);
    }

    /** The versions' prefixes ({@code /shop/api/v1}), for the start-up line. */
    public List<String> prefixes() {
        List<String> out = new ArrayList<>();
        for (Prefix p : prefixes) {
            out.add("/" + String.join("/", p.segments()));
        }
        return out;
    }

    /**
     * The scheduled version a request is for, or null.
     *
     * @param requestUri the raw request URI (context path included)
     * @param headers    the request's header values by name (first value)
     */
    public Match match(String requestUri, Function<String, String> headers) {
        Entry entry = switch (source) {
            case "header" -> byName(headers.apply(header));
            case "media-type" -> {
                String v = parameter(headers.apply("Accept"), parameter);
                yield byName(v != null ? v : parameter(headers.apply("Content-Type"), parameter));
            }
            default -> byPath(requestUri);
        };
        return entry == null ? null : at(entry, clock.instant());
    }

    Match at(Entry entry, Instant now) {
        return new Match(entry, entry.schedule().stage(now), serveAfterSunset);
    }

    /**
     * Writes the lifecycle headers of the request's version (none when it is not announced yet). Headers the
     * application set itself are left alone; a {@code Link} header of its own is kept beside Bulwark's.
     *
     * @param addHeader adds a header value beside the existing ones
     */
    public static void write(Match match, ResponseHeaders headers,
                             java.util.function.BiConsumer<String, String> addHeader) {
        if (match == null || !match.announced()) {
            return;
        }
        Entry e = match.entry();
        // written once per response: a second run of the commit hook (a problem replacing an answer) adds nothing
        if (e.deprecation() != null ? headers.contains("Deprecation") : headers.contains("Sunset")) {
            return;
        }
        if (e.deprecation() != null) {
            headers.setAbsent("Deprecation", e.deprecation());
        }
        if (e.sunset() != null && !headers.contains("Sunset")) {
            headers.setAbsent("Sunset", e.sunset());
        }
        if (e.link() != null) {
            if (headers.contains("Link")) {
                addHeader.accept("Link", e.link());
            } else {
                headers.setAbsent("Link", e.link());
            }
        }
    }

    private Entry byName(String raw) {
        String name = normalise(raw);
        return name == null ? null : byName.get(name);
    }

    private Entry byPath(String uri) {
        if (uri == null) {
            return null;
        }
        for (Prefix p : prefixes) {
            if (startsWith(uri, p.segments())) {
                return p.entry();
            }
        }
        return null;
    }

    /**
     * True when the path's first segments are {@code segments}: empty segments are skipped, matrix parameters
     * ({@code ;x=y}) dropped and percent-escapes decoded, as the JAX-RS runtime matches them, so that
     * {@code /api//v1;x/orders} or {@code /api/%761/orders} is v1 too.
     */
    static boolean startsWith(String uri, String[] segments) {
        int n = uri.length();
        int i = 0;
        for (String expected : segments) {
            while (i < n && uri.charAt(i) == '/') {
                i++;
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
            boolean same = escaped ? decode(uri.substring(start, i)).equals(expected)
                    : i - start == expected.length() && uri.regionMatches(start, expected, 0, expected.length());
            if (!same) {
                return false;
            }
            while (i < n && uri.charAt(i) != '/' && uri.charAt(i) != '?') {
                i++; // matrix parameters
            }
        }
        return true;
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

    private static String[] segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** A version as a client writes it: {@code v2}, {@code V2} or {@code 2} are {@code v2}. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            v = v.substring(1, v.length() - 1);
        }
        return !v.isEmpty() && Character.isDigit(v.charAt(0)) ? "v" + v : v;
    }

    /** The value of a media type parameter in a header ({@code application/json; version=2}), or null. */
    static String parameter(String value, String name) {
        if (value == null) {
            return null;
        }
        int i = 0;
        while ((i = value.indexOf(';', i)) >= 0) {
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String key = value.substring(i + 1, eq).strip();
            int end = eq + 1;
            while (end < value.length() && value.charAt(end) != ';' && value.charAt(end) != ',') {
                end++;
            }
            if (key.equalsIgnoreCase(name)) {
                return value.substring(eq + 1, end).strip();
            }
            i = end;
        }
        return null;
    }
}
