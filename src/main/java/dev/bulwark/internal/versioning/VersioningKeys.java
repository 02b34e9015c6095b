package dev.bulwark.internal.versioning;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of API versioning and lifecycle ({@code bulwark.versioning.*}): where a request's version comes from,
 * and the schedule of each listed version, read from the family {@code bulwark.versioning.versions.<version>.*}
 * (one set of keys per name listed in {@code bulwark.versioning.versions}).
 */
public final class VersioningKeys implements ConfigConcern<VersioningSettings> {

    static final String PREFIX = "bulwark.versioning.";
    /** The family of one version's schedule: {@code bulwark.versioning.versions.<version>.<what>}. */
    static final String FAMILY = PREFIX + "versions.";

    public static final Key<String> SOURCE = new Key<>(PREFIX + "source",
            Parsers.enumNames("path", "header", "media-type"), "path",
            "Where a request's API version comes from: `path`, a segment `v` followed by digits in the endpoint's path "
                    + "(from `@ApplicationPath` or `@Path`, resolved at deployment: `/api/v1/orders` is `v1`); "
                    + "`header`, the header named by `bulwark.versioning.header`; `media-type`, the parameter named "
                    + "by `bulwark.versioning.media-type-parameter` of `Accept` and `Content-Type`. See "
                    + "[versioning.md](versioning.md).",
            "header");

    public static final Key<String> HEADER = new Key<>(PREFIX + "header", Parsers.headerName(), "Api-Version",
            "The request header naming the version when `bulwark.versioning.source=header` (the listed name; a `v` "
                    + "before a leading digit is optional: `v2` or `2`).",
            "X-Api-Version");

    public static final Key<String> MEDIA_TYPE_PARAMETER = new Key<>(PREFIX + "media-type-parameter",
            Parsers.of("media type parameter", "a parameter name (letters, digits, '-', at most 32)", raw -> {
                if (!raw.matches("[A-Za-z0-9-]{1,32}")) {
                    throw new InvalidValueException("not a media type parameter name");
                }
                return raw.toLowerCase(Locale.ROOT);
            }), "version",
            "The media type parameter naming the version when `bulwark.versioning.source=media-type` "
                    + "(`Accept: application/json; version=2`).",
            "v");

    public static final Key<List<String>> VERSIONS = new Key<>(PREFIX + "versions",
            Parsers.listOf(versionName(), "version names"), "",
            "The versions that have a lifecycle schedule (with `source=path`, each a segment `v` followed by "
                    + "digits that some endpoint's path has), each with its keys `bulwark.versioning.versions.<version>."
                    + "deprecated`, `.sunset`, `.successor`, `.link`, `.sunset-link` and `.brown-outs` (see below and "
                    + "[versioning.md](versioning.md)). Empty: no version is deprecated, no lifecycle header is sent.",
            "v1, v2");

    public static final Key<Boolean> STRICT = new Key<>(PREFIX + "strict", Parsers.bool(), "false",
            "Fail the deployment when a resource method has no version in its path (with `source=path`; such "
                    + "endpoints are inventory findings whenever `bulwark.versioning.versions` lists a version or "
                    + "this key is true) or when an endpoint of an older version is weaker than the same endpoint of "
                    + "its successor (by default a warning and an inventory finding).",
            "true");

    public static final Key<String> AFTER_SUNSET = new Key<>(PREFIX + "after-sunset",
            Parsers.enumNames("gone", "serve"), "gone",
            "What a version does after its sunset: `gone` answers every request 410 (a problem naming the "
                    + "successor); `serve` keeps serving it, with its lifecycle headers and a warning at start-up.",
            "serve");

    public static final Key<Boolean> ENDPOINT_ENABLED = new Key<>(PREFIX + "endpoint.enabled", Parsers.bool(),
            "true",
            "Publish the schedule (versions and dates, no secrets) as public JSON at `bulwark.versioning.endpoint.path` "
                    + "when `bulwark.versioning.versions` lists at least one version.",
            "false");

    public static final Key<String> ENDPOINT_PATH = new Key<>(PREFIX + "endpoint.path", Parsers.path(),
            "/bulwark/versions", "Path (below the context root) of the published schedule.", "/api/versions");

    public static final Key<Integer> MAX_CLIENTS = new Key<>(PREFIX + "metrics.max-clients",
            Parsers.intRange(1, 10_000), "100",
            "How many distinct client ids (`azp`, else `client_id` of the verified token) the usage counters and "
                    + "the first-call log keep apart per version (each version has its own, so an active successor's "
                    + "clients never use up a deprecated version's); later ones are counted as `other` (bounded "
                    + "memory and metric cardinality).",
            "500");

    public static final VersioningKeys CONCERN = new VersioningKeys();

    private VersioningKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(SOURCE, HEADER, MEDIA_TYPE_PARAMETER, VERSIONS, STRICT, AFTER_SUNSET, ENDPOINT_ENABLED,
                ENDPOINT_PATH, MAX_CLIENTS);
    }

    /** A version name: lower-case letters, digits and '-', at most 32 (a key segment: {@code v1}, {@code 2026-01}). */
    static ValueParser<String> versionName() {
        return Parsers.of("version name", "a version name such as v1 (lower-case letters, digits, '-', at most 32)",
                raw -> {
                    if (!raw.matches("[a-z0-9][a-z0-9-]{0,31}")) {
                        throw new InvalidValueException("not a version name");
                    }
                    return raw;
                });
    }

    /** An instant: {@code 2026-06-01T00:00:00Z} (any ISO-8601 offset), or a date meaning its start in UTC. */
    static ValueParser<Instant> instant() {
        return Parsers.of("instant", "an ISO-8601 instant such as 2026-06-01T00:00:00Z, or a date such as 2026-06-01",
                Instants::parse);
    }

    static ValueParser<URI> httpLink() {
        return Parsers.of("URL", "an absolute http or https URL such as https://example.com/migrate-to-v2", raw -> {
            try {
                URI uri = new URI(raw);
                String scheme = uri.getScheme();
                if (!uri.isAbsolute() || uri.getHost() == null || !("https".equalsIgnoreCase(scheme)
                        || "http".equalsIgnoreCase(scheme)) || !raw.matches("[!#-;=?-~]{1,1000}")) {
                    throw new InvalidValueException("not an absolute http or https URL");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new InvalidValueException("not a URL");
            }
        });
    }

    static ValueParser<List<VersionSchedule.Window>> windows() {
        return Parsers.listOf(Parsers.of("window", "start/end, two instants such as "
                + "2026-09-01T10:00:00Z/2026-09-01T11:00:00Z", raw -> {
                    int slash = raw.indexOf('/');
                    if (slash < 0) {
                        throw new InvalidValueException("not start/end");
                    }
                    Instant start = Instants.parse(raw.substring(0, slash).trim());
                    Instant end = Instants.parse(raw.substring(slash + 1).trim());
                    if (!end.isAfter(start)) {
                        throw new InvalidValueException("the window ends before it starts");
                    }
                    return new VersionSchedule.Window(start, end);
                }), "windows");
    }

    /** One key of a version's schedule. */
    static <T> Key<T> versionKey(String version, String what, ValueParser<T> parser, String description,
                                 String example) {
        return new Key<>(FAMILY + version + "." + what, parser, null, description, example);
    }

    @Override
    public VersioningSettings read(ConfigReader reader) {
        List<String> names = reader.get(VERSIONS);
        String source = reader.get(SOURCE);
        Map<String, VersionSchedule> schedule = new LinkedHashMap<>();
        Map<String, Key<String>> successorKeys = new LinkedHashMap<>();
        Map<String, String> spellings = new java.util.HashMap<>();
        for (String name : names) {
            if (schedule.containsKey(name)) {
                reader.problem(VERSIONS, "lists '" + name + "' twice", VERSIONS.parser().acceptedForm());
                continue;
            }
            if ("path".equals(source) && !VersionResolver.isVersionSegment(name)) {
                reader.problem(VERSIONS, "lists '" + name + "', which no path can name: with " + SOURCE.name()
                        + "=path a version is a path segment v followed by digits", "names such as v1, v2");
            }
            String alias = Versions.alias(name);
            String clash = spellings.get(name);
            if (clash != null) {
                reader.problem(VERSIONS, "lists '" + clash + "' and '" + name + "', which clients cannot tell apart"
                        + " (a v before a leading digit is optional)", "one spelling of each version");
            }
            spellings.put(name, name);
            if (alias != null) {
                spellings.putIfAbsent(alias, name);
            }
            Key<Instant> deprecatedKey = versionKey(name, "deprecated", instant(), "", "2026-06-01T00:00:00Z");
            Key<Instant> sunsetKey = versionKey(name, "sunset", instant(), "", "2027-06-01T00:00:00Z");
            Key<String> successorKey = versionKey(name, "successor", versionName(), "", "v2");
            Key<URI> linkKey = versionKey(name, "link", httpLink(), "", "https://example.com/v2");
            Key<URI> sunsetLinkKey = versionKey(name, "sunset-link", httpLink(), "", "https://example.com/v1");
            Key<List<VersionSchedule.Window>> brownOutsKey = versionKey(name, "brown-outs", windows(), "",
                    "2027-05-01T10:00:00Z/2027-05-01T11:00:00Z");
            Instant deprecated = reader.getDerived(deprecatedKey);
            Instant sunset = reader.getDerived(sunsetKey);
            String successor = reader.getDerived(successorKey);
            URI link = reader.getDerived(linkKey);
            URI sunsetLink = reader.getDerived(sunsetLinkKey);
            List<VersionSchedule.Window> brownOuts = reader.getDerived(brownOutsKey);
            if (deprecated != null && sunset != null && !sunset.isAfter(deprecated)) {
                reader.problem(sunsetKey, "the sunset " + sunset + " is not after the deprecation " + deprecated
                        + " (" + deprecatedKey.name() + ")", sunsetKey.parser().acceptedForm());
                sunset = null;
            }
            if (brownOuts == null) {
                brownOuts = List.of();
            }
            if (!brownOuts.isEmpty() && sunset == null && !reader.isSet(sunsetKey)) {
                reader.problem(brownOutsKey, "brown-outs need a sunset (" + sunsetKey.name() + ")",
                        brownOutsKey.parser().acceptedForm());
            }
            for (VersionSchedule.Window w : brownOuts) {
                if (sunset != null && w.end().isAfter(sunset)) {
                    reader.problem(brownOutsKey, "the window " + w + " ends after the sunset " + sunset,
                            brownOutsKey.parser().acceptedForm());
                }
                if (deprecated != null && w.start().isBefore(deprecated)) {
                    reader.problem(brownOutsKey, "the window " + w + " starts before the deprecation " + deprecated
                            + " (" + deprecatedKey.name() + "): clients would lose the version unannounced",
                            "windows between the deprecation and the sunset");
                }
            }
            if (successor != null) {
                successorKeys.put(name, successorKey);
            }
            schedule.put(name, new VersionSchedule(name, deprecated, sunset, successor, link, sunsetLink,
                    brownOuts));
        }
        successors(reader, names, schedule, successorKeys);
        return new VersioningSettings(source, reader.get(HEADER), reader.get(MEDIA_TYPE_PARAMETER),
                schedule, reader.get(STRICT), "serve".equals(reader.get(AFTER_SUNSET)), reader.get(ENDPOINT_ENABLED),
                reader.get(ENDPOINT_PATH), reader.get(MAX_CLIENTS));
    }

    /**
     * Each successor is another listed version, newer than the one it replaces (a higher number for names such as
     * {@code v2}; for other names, a later deprecation and sunset where both have them), and following successors
     * never comes back to where it started.
     */
    private static void successors(ConfigReader reader, List<String> names, Map<String, VersionSchedule> schedule,
                                   Map<String, Key<String>> successorKeys) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        successorKeys.forEach((name, key) -> {
            String s = schedule.get(name).successor();
            if (s.equals(name)) {
                reader.problem(key, "a version cannot succeed itself", "another listed version");
                reported.add(name);
            } else if (!schedule.containsKey(s)) {
                reader.problem(key, "'" + s + "' is not listed in " + VERSIONS.name(), "one of " + names);
                reported.add(name);
            } else {
                String why = notNewer(schedule.get(name), schedule.get(s));
                if (why != null) {
                    reader.problem(key, "'" + s + "' is not newer than " + name + ": " + why,
                            "a newer listed version");
                    reported.add(name);
                }
            }
        });
        for (String name : successorKeys.keySet()) {
            List<String> chain = new ArrayList<>(List.of(name));
            String next = schedule.get(name).successor();
            while (next != null && schedule.containsKey(next) && !chain.contains(next)) {
                chain.add(next);
                next = schedule.get(next).successor();
            }
            if (name.equals(next) && chain.stream().noneMatch(reported::contains)) {
                chain.add(name);
                reader.problem(successorKeys.get(name), "the successors go round in a circle: "
                        + String.join(" -> ", chain), "a chain of successors that ends");
                reported.addAll(chain);
            }
        }
    }

    /** Why {@code successor} is not newer than {@code version}, or null. */
    private static String notNewer(VersionSchedule version, VersionSchedule successor) {
        if (VersionResolver.isVersionSegment(version.name()) && VersionResolver.isVersionSegment(successor.name())) {
            return Long.parseLong(successor.name().substring(1)) > Long.parseLong(version.name().substring(1)) ? null
                    : "its number is not higher";
        }
        if (version.sunset() != null && successor.sunset() != null && !successor.sunset().isAfter(version.sunset())) {
            return "its sunset " + successor.sunset() + " is not after " + version.sunset();
        }
        if (version.deprecated() != null && successor.deprecated() != null
                && successor.deprecated().isBefore(version.deprecated())) {
            return "it is deprecated first (" + successor.deprecated() + ")";
        }
        return null;
    }

    /** Instants as the schedule keys accept them. */
    static final class Instants {
        private Instants() {
        }

        static Instant parse(String raw) throws InvalidValueException {
            Instant instant;
            try {
                instant = raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : java.time.OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("not an ISO-8601 instant");
            }
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            if (year < 1 || year > 9999) {
                // an HTTP-date (Sunset) has a four-digit year, and years before 1 have none
                throw new InvalidValueException("the year " + year + " (UTC) is not between 1 and 9999");
            }
            return instant;
        }
    }
}
