package dev.bulwark.internal.controls;

import dev.bulwark.internal.alerts.AlertKeys;
import dev.bulwark.internal.audit.AuditKeys;
import dev.bulwark.internal.auth.JwtKeys;
import dev.bulwark.internal.authz.AuthzKeys;
import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.cors.CorsKeys;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.exposure.ExposureKeys;
import dev.bulwark.internal.exposure.egress.EgressAction;
import dev.bulwark.internal.exposure.egress.EgressKeys;
import dev.bulwark.internal.headers.HeaderKeys;
import dev.bulwark.internal.logging.SafeLog;
import dev.bulwark.internal.network.Baseline;
import dev.bulwark.internal.observe.ObserveKeys;
import dev.bulwark.internal.ratelimit.RateLimitKeys;
import dev.bulwark.internal.ratelimit.RatePolicy;
import dev.bulwark.internal.transport.MethodKeys;
import dev.bulwark.internal.transport.TransportKeys;
import dev.bulwark.internal.validation.ValidationKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The central baseline's hold on the settings a gateway would otherwise own (TLS, tokens, authorization, rate
 * limits, input limits, headers, CORS, audit): for each key here the baseline may set, a service may choose a
 * stricter value, never a looser one. The address rules and route policies are held by {@link Baseline} itself.
 * A key the baseline sets that neither holds fails the deployment: a service could not be held to it.
 */
public final class BaselineHold {

    /** How a service's value can loosen the baseline's: a phrase saying how it does, or null when it does not. */
    @FunctionalInterface
    interface Tightening<T> {
        String loosened(T baseline, T service);
    }

    private record Held<T>(Key<T> key, Tightening<T> tightening) {

        /** Throws when the baseline's own value is bad; a service's bad value is the loader's to report. */
        String loosened(String baselineRaw, String serviceRaw) throws InvalidValueException {
            T baseline = parse(baselineRaw);
            T service;
            try {
                service = serviceRaw == null ? null : parse(serviceRaw);
            } catch (InvalidValueException e) {
                return null;
            }
            return tightening.loosened(baseline, service);
        }

        T parse(String raw) throws InvalidValueException {
            return key.parser().parse(raw.strip());
        }
    }

    /** The held keys, by name, in the order docs/gateway.md lists them (read-only once built). */
    private static final Map<String, Held<?>> HELD = held();

    private static Map<String, Held<?>> held() {
        Map<String, Held<?>> m = new LinkedHashMap<>();
        on(m, ConfigLoader.ENABLED, mustStay(true, "switches Bulwark off"));
        on(m, TransportKeys.HTTPS_ONLY, mustStay(true, "lets plain HTTP in"));
        on(m, TransportKeys.TRUSTED_PROXIES, BaselineHold::cidrsWithin);
        on(m, HeaderKeys.HSTS, BaselineHold::hsts);
        on(m, HeaderKeys.CSP, notOff());
        on(m, HeaderKeys.NOSNIFF, notOff());
        on(m, HeaderKeys.FRAME_OPTIONS, ranked("DENY", "SAMEORIGIN"));
        on(m, HeaderKeys.CACHE, BaselineHold::cacheDirectives);
        on(m, MethodKeys.ALLOWED, subset("allows methods"));
        on(m, MethodKeys.ALLOW_OVERRIDE, mustStay(false, "honours method-override headers"));
        on(m, CorsKeys.ORIGINS, subset("allows origins"));
        on(m, CorsKeys.CREDENTIALS, mustStay(false, "allows credentialed cross-origin requests"));
        on(m, JwtKeys.ALGORITHMS, subset("accepts token algorithms"));
        on(m, JwtKeys.CLOCK_SKEW, atMost("allows a longer clock skew"));
        on(m, JwtKeys.MAX_LIFETIME, atMost("accepts longer-lived tokens"));
        on(m, JwtKeys.MAX_AGE, atMost("accepts older tokens"));
        on(m, JwtKeys.OTHER_SCHEMES, subset("takes tokens in more authentication schemes"));
        on(m, JwtKeys.QUERY_TOKEN_PARAMETERS, superset("refuses tokens in fewer query parameters"));
        on(m, JwtKeys.REQUIRE_AT_JWT, mustStay(true, "accepts tokens that are not typed at+jwt"));
        on(m, JwtKeys.REQUIRE_JTI, mustStay(true, "accepts tokens without a jti"));
        on(m, JwtKeys.LINT_MISSING_ISSUER, mustStay(false, "allows no issuer check"));
        on(m, JwtKeys.LINT_MISSING_AUDIENCE, mustStay(false, "allows no audience check"));
        on(m, JwtKeys.LINT_HMAC, mustStay(false, "allows HMAC-signed tokens"));
        on(m, JwtKeys.LINT_LONG_SKEW, mustStay(false, "allows a long container clock skew"));
        on(m, JwtKeys.LINT_WEAK_RSA, mustStay(false, "allows weak RSA keys"));
        on(m, AuthzKeys.STRICT, mustStay(true, "deploys endpoints without an access decision"));
        on(m, RateLimitKeys.ENABLED, mustStay(true, "switches rate limiting off"));
        on(m, RateLimitKeys.ANONYMOUS, BaselineHold::rate);
        on(m, RateLimitKeys.AUTHENTICATED, BaselineHold::rate);
        on(m, RateLimitKeys.REFUSED, BaselineHold::rate);
        on(m, RateLimitKeys.REFUSED_EXEMPT, BaselineHold::cidrsWithin);
        on(m, ValidationKeys.MAX_BODY_BYTES, atMost("takes larger bodies"));
        on(m, ValidationKeys.JSON_MAX_DEPTH, atMost("takes deeper JSON"));
        on(m, ValidationKeys.JSON_MAX_ARRAY, atMost("takes longer JSON arrays"));
        on(m, ValidationKeys.JSON_MAX_ENTRIES, atMost("takes JSON objects with more members"));
        on(m, ValidationKeys.JSON_MAX_STRING, atMost("takes longer JSON strings"));
        on(m, ValidationKeys.JSON_MAX_KEY, atMost("takes longer JSON names"));
        on(m, ValidationKeys.JSON_MAX_NUMBER, atMost("takes longer JSON numbers"));
        on(m, ValidationKeys.REJECT_UNKNOWN, mustStay(true, "binds unknown properties"));
        on(m, ValidationKeys.REJECT_MISMATCHED_TYPES, mustStay(true, "coerces mismatched JSON types"));
        on(m, ValidationKeys.REJECT_CONTROLS, mustStay(true, "takes control characters"));
        on(m, ValidationKeys.REJECT_BIDI, mustStay(true, "takes bidi overrides"));
        on(m, ExposureKeys.ENABLED, mustStay(true, "switches the response allow-lists off"));
        on(m, ExposureKeys.STRICT, mustStay(true, "deploys model objects without an allow-list"));
        on(m, AuditKeys.ENABLED, mustStay(true, "switches the audit log off"));
        on(m, AlertKeys.ENABLED, mustStay(true, "switches the anomaly alerts off"));
        on(m, ObserveKeys.OBSERVE, BaselineHold::observed);
        on(m, ValidationKeys.ALLOW_BALANCED_ISOLATES, mustStay(false, "lets balanced bidi isolates through"));
        on(m, AuthzKeys.SCOPE_CLAIM, same("reads scopes from another claim than the baseline's"));
        on(m, EgressKeys.ACTION, (baseline, service) -> egressRank(service) > egressRank(baseline)
                ? "acts less on a secret leaving in a response than the baseline's" : null);
        on(m, EgressKeys.KINDS, (baseline, service) -> service.containsAll(baseline) ? null
                : "looks for fewer kinds of secrets than the baseline's");
        // the token's trust and where it is read from: a service must keep the baseline's (MicroProfile JWT keys)
        for (String name : List.of("mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location",
                "mp.jwt.verify.publickey.algorithm", "mp.jwt.token.header", "mp.jwt.token.cookie")) {
            on(m, new Key<>(name, Parsers.text(), null, "held by the central baseline", "-"),
                    same("trusts or reads tokens otherwise than the baseline's"));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static int egressRank(EgressAction action) {
        return action == EgressAction.PROBLEM || action == EgressAction.REDACT ? 0 : action == EgressAction.LOG ? 1
                : 2;
    }

    /** A value the service must keep exactly (an unset one included). */
    private static <T> Tightening<T> same(String how) {
        return (baseline, service) -> java.util.Objects.equals(baseline, service) ? null : how;
    }

    private BaselineHold() {
    }

    private static <T> void on(Map<String, Held<?>> held, Key<T> key, Tightening<T> tightening) {
        held.put(key.name(), new Held<>(key, tightening));
    }

    /** The names of the keys held here (besides {@link Baseline#held}'s address rules and route policies). */
    public static Set<String> names() {
        return HELD.keySet();
    }

    /**
     * The deployment's check of the baseline's other settings: every key in it is one a service can be held to, its
     * values are valid, and the service's values do not loosen them. No problem without a baseline, nor for one
     * that cannot be read ({@link Baseline#check} reports that).
     *
     * @param file    the baseline ({@link Baseline#locate()}), or null
     * @param service the service's configuration (its own values over the baseline's)
     */
    public static List<ConfigProblem> check(Path file, Function<String, Optional<String>> service) {
        if (file == null) {
            return List.of();
        }
        Map<String, String> values;
        try {
            values = Baseline.read(file);
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        return check(values, service, "central baseline " + file);
    }

    static List<ConfigProblem> check(Map<String, String> baseline, Function<String, Optional<String>> service,
                                     String where) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : baseline.entrySet()) {
            String name = entry.getKey();
            Held<?> held = HELD.get(name);
            if (held == null) {
                if (!Baseline.held(name)) {
                    problems.add(new ConfigProblem(SafeLog.printable(name, 120), "is in the " + where
                            + ", which cannot hold services to it (see docs/gateway.md for the keys it can hold)",
                            "one of the keys docs/gateway.md lists"));
                }
                continue;
            }
            String mine = service.apply(name).orElse(held.key().defaultValue());
            String how;
            try {
                how = held.loosened(entry.getValue(), mine);
            } catch (InvalidValueException e) {
                // the baseline's own value is bad (the service's was validated with the rest of its configuration)
                problems.add(new ConfigProblem(name, e.getMessage() + " (in the " + where + ")",
                        held.key().parser().acceptedForm()));
                continue;
            }
            if (how != null) {
                problems.add(new ConfigProblem(name, "loosens the " + where + ": the service's value " + how,
                        "a value at least as strict as the baseline's"));
            }
        }
        return problems;
    }

    private static Tightening<Boolean> mustStay(boolean strict, String how) {
        return (baseline, service) -> baseline == strict && service != strict ? how + " (the baseline's does not)" : null;
    }

    private static <C extends Comparable<C>> Tightening<C> atMost(String how) {
        return (baseline, service) -> service != null && baseline != null && service.compareTo(baseline) > 0
                ? how + " than the baseline's" : null;
    }

    private static Tightening<List<String>> subset(String how) {
        return (baseline, service) -> lower(service).stream().allMatch(lower(baseline)::contains) ? null
                : how + " the baseline's does not";
    }

    private static Tightening<List<String>> superset(String how) {
        return (baseline, service) -> lower(service).containsAll(lower(baseline)) ? null : how + " than the baseline's";
    }

    private static List<String> lower(Collection<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    /** A header key whose value only the baseline may change: the service may set another value, never off. */
    private static Tightening<String> notOff() {
        return (baseline, service) -> baseline != null && service == null ? "switches off a header the baseline sets"
                : null;
    }

    /** Cache-Control: the service's value keeps every directive of the baseline's ({@code no-store} above all). */
    private static String cacheDirectives(String baseline, String service) {
        if (baseline == null) {
            return null;
        }
        if (service == null) {
            return "switches off a header the baseline sets";
        }
        java.util.function.Function<String, java.util.Set<String>> directives = v -> java.util.Arrays.stream(
                v.toLowerCase(Locale.ROOT).split(",")).map(String::strip).filter(d -> !d.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
        return directives.apply(service).containsAll(directives.apply(baseline)) ? null
                : "drops a Cache-Control directive the baseline's has";
    }

    /** A header whose values are ranked strictest first; off (null) is the loosest. */
    private static Tightening<String> ranked(String... strictestFirst) {
        List<String> order = List.of(strictestFirst);
        return (baseline, service) -> {
            if (baseline == null) {
                return null;
            }
            int b = order.indexOf(baseline.toUpperCase(Locale.ROOT));
            int s = service == null ? order.size() : order.indexOf(service.toUpperCase(Locale.ROOT));
            return s > b ? "sets a weaker header value than the baseline's" : null;
        };
    }

    private static String cidrsWithin(List<Cidr> baseline, List<Cidr> service) {
        List<Cidr> mine = service == null ? List.of() : service;
        return mine.stream().allMatch(block -> baseline.stream().anyMatch(outer -> outer.contains(block))) ? null
                : "trusts or exempts addresses the baseline's does not";
    }

    private static final Pattern HSTS = Pattern.compile(
            "(?i)max-age=(\\d{1,10})(\\s*;\\s*includeSubDomains)?(\\s*;\\s*preload)?");

    private static String hsts(String baseline, String service) {
        if (baseline == null) {
            return null;
        }
        if (service == null) {
            return "switches off the HSTS header the baseline sets";
        }
        Matcher b = HSTS.matcher(baseline);
        Matcher s = HSTS.matcher(service);
        if (!b.matches() || !s.matches()) {
            return null; // both were validated by the HSTS parser
        }
        if (Long.parseLong(s.group(1)) < Long.parseLong(b.group(1))) {
            return "sets a shorter HSTS max-age than the baseline's";
        }
        if (b.group(2) != null && s.group(2) == null) {
            return "drops includeSubDomains";
        }
        if (b.group(3) != null && s.group(3) == null) {
            return "drops preload";
        }
        return null;
    }

    /** A rate: off (null) is the loosest; else neither a larger burst nor a higher sustained rate. */
    private static String rate(String baseline, String service) {
        if (baseline == null) {
            return null;
        }
        if (service == null) {
            return "switches off a limit the baseline sets";
        }
        return RatePolicy.parse("service", service).allowsMoreThan(RatePolicy.parse("baseline", baseline))
                ? "allows more requests than the baseline's (a larger burst or a higher rate)" : null;
    }

    private static String observed(List<String> baseline, List<String> service) {
        List<String> b = lower(baseline);
        if (b.contains(ObserveKeys.ALL)) {
            return null;
        }
        List<String> s = lower(service);
        return s.stream().allMatch(b::contains) ? null : "observes (does not enforce) controls the baseline's enforces";
    }
}
