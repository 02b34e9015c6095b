package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Security headers on every answer (API8). It first sends a few requests of its own so each status class is seen:
 * a public GET (200), user1's authenticated GET (200), the same without a token (401), an unknown path (404), a method the path does not
 * define (405, as user1), an authenticated GET with {@code Accept: image/png} (406) and a {@code text/plain} body to
 * a JSON endpoint (415), where such endpoints exist. Then it looks at every answer the scan got from the API's
 * origin (all checks' exchanges).
 *
 * <p>Findings, one per rule and status class ({@code 2xx answers}, {@code 4xx answers}, ...), the evidence of the
 * first answer and how many had it: {@code headers.nosniff} (an answer with a body lacks
 * {@code X-Content-Type-Options: nosniff}, LOW), {@code headers.cache-control} (a 2xx answer to a request with a
 * token lacks {@code Cache-Control: no-store}, MEDIUM), {@code headers.framing} (an answer with a body has neither
 * a CSP {@code frame-ancestors} nor {@code X-Frame-Options}, LOW), {@code headers.hsts} (HTTPS answer without HSTS of
 * a year, MEDIUM; only when the transport check does not run, which reports it otherwise). Per header value:
 * {@code headers.version-disclosure} ({@code Server} or {@code X-Powered-By} names a product with a version such as
 * {@code Apache/2.4.1}, {@code Open Liberty 25}, {@code Jetty(9.4)}; or {@code X-AspNet-Version} /
 * {@code X-AspNetMvc-Version} is sent; LOW).
 */
public final class HeadersCheck implements Check {

    private static final Pattern VERSION = Pattern.compile("(?i)[a-z][\\w.-]*(?:\\s*[/ (]\\s*v?)\\d+");
    private static final List<String> VERSION_HEADERS = List.of("Server", "X-Powered-By");
    private static final List<String> ASPNET = List.of("X-AspNet-Version", "X-AspNetMvc-Version");

    /** A finding being aggregated: the first exchange and how many answers had it. */
    private static final class Seen {
        final Exchange first;
        final String problem;
        int count;

        Seen(Exchange first, String problem) {
            this.first = first;
            this.problem = problem;
        }
    }

    @Override
    public String id() {
        return "headers";
    }

    @Override
    public String title() {
        return "Security headers on every answer";
    }

    @Override
    public void run(ScanContext ctx) {
        provoke(ctx);
        String origin = ctx.probe().base().getScheme() + "://" + ctx.probe().base().getRawAuthority();
        boolean https = ctx.probe().base().getScheme().equalsIgnoreCase("https");
        boolean hsts = https && !ctx.settings().runs("transport");
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (Exchange x : ctx.probe().exchanges()) {
            if (!x.answered() || !x.url().startsWith(origin)) {
                continue;
            }
            String kind = (x.status() / 100) + "xx answers";
            ctx.tested(id(), kind);
            boolean body = !x.body().isEmpty();
            if (body && !"nosniff".equalsIgnoreCase(trim(x.header("X-Content-Type-Options")))) {
                note(seen, "headers.nosniff", kind, x, "X-Content-Type-Options: nosniff is missing");
            }
            if (x.success() && !x.request().identity().anonymous() && !noStore(x.header("Cache-Control"))) {
                note(seen, "headers.cache-control", kind, x, "an authenticated answer lacks Cache-Control: no-store");
            }
            if (body && !framing(x)) {
                note(seen, "headers.framing", kind, x, "neither Content-Security-Policy frame-ancestors nor"
                        + " X-Frame-Options");
            }
            if (hsts) {
                String problem = TransportCheck.hstsProblem(x.header("Strict-Transport-Security"));
                if (problem != null) {
                    note(seen, "headers.hsts", kind, x, problem);
                }
            }
            for (String h : VERSION_HEADERS) {
                for (String v : x.headers(h)) {
                    if (VERSION.matcher(v).find()) {
                        note(seen, "headers.version-disclosure", h + ": " + v, x, h + " names a product version ("
                                + v + ")");
                    }
                }
            }
            for (String h : ASPNET) {
                if (x.header(h) != null) {
                    note(seen, "headers.version-disclosure", h, x, h + " is sent (" + x.header(h) + ")");
                }
            }
        }
        seen.forEach((key, s) -> {
            String rule = key.substring(0, key.indexOf('|'));
            String subject = key.substring(key.indexOf('|') + 1);
            ctx.report(new Finding(id(), rule, OwaspCategory.API8, severity(rule), subject, null, s.problem + " on "
                    + s.count + " answer(s): " + advice(rule), s.first.evidence()));
        });
    }

    private static void note(Map<String, Seen> seen, String rule, String subject, Exchange x, String problem) {
        seen.computeIfAbsent(rule + "|" + subject, k -> new Seen(x, problem)).count++;
    }

    private static Severity severity(String rule) {
        return switch (rule) {
            case "headers.cache-control", "headers.hsts" -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    private static String advice(String rule) {
        return switch (rule) {
            case "headers.nosniff" -> "send X-Content-Type-Options: nosniff on every answer, errors included.";
            case "headers.cache-control" -> "send Cache-Control: no-store on answers to authenticated requests.";
            case "headers.framing" -> "send Content-Security-Policy: frame-ancestors 'none' (or X-Frame-Options:"
                    + " DENY).";
            case "headers.hsts" -> "send Strict-Transport-Security: max-age=31536000 on every HTTPS answer.";
            default -> "remove product names and versions from Server and X-Powered-By, and X-AspNet-Version.";
        };
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static boolean noStore(String cacheControl) {
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    }

    private static boolean framing(Exchange x) {
        boolean csp = x.headers("Content-Security-Policy").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("frame-ancestors"));
        String xfo = trim(x.header("X-Frame-Options")).toUpperCase(Locale.ROOT);
        return csp || xfo.equals("DENY") || xfo.equals("SAMEORIGIN");
    }

    /** Sends one request per status class the scan may not have seen yet. */
    private static void provoke(ScanContext ctx) {
        Map<String, String> json = Map.of("Accept", "application/json");
        Identity user1 = ctx.identities().hasUsers() ? ctx.identities().user1() : null;
        Targets.publicGets(ctx).stream().findFirst()
                .ifPresent(e -> ctx.send(new Request("GET", e.path(), json, null, Identity.ANONYMOUS)));
        Optional<ApiEndpoint> auth = Targets.plainGets(ctx).stream().filter(e -> e.access().known()
                && !e.access().isPublic()).findFirst();
        auth.ifPresent(e -> ctx.send(new Request("GET", e.path(), json, null, Identity.ANONYMOUS)));
        ctx.send(new Request("GET", ctx.probe().basePath() + "/bulwark-kit-no-such-path", json, null,
                Identity.ANONYMOUS));
        if (user1 == null) {
            return;
        }
        Optional<ApiEndpoint> mine = user1Get(ctx, user1);
        mine.flatMap(e -> unusedMethod(ctx, e)).ifPresent(m -> ctx.send(new Request(m, mine.get().path(),
                Map.of("Accept", "application/json", "Content-Type", "application/json"), "{}", user1)));
        mine.ifPresent(e -> ctx.send(new Request("GET", e.path(), json, null, user1)));
        mine.ifPresent(e -> ctx.send(new Request("GET", e.path(), Map.of("Accept", "image/png"), null, user1)));
        ctx.api().endpoints().stream().filter(e -> e.takesJson() && e.access().admits(user1)).findFirst()
                .ifPresent(e -> ctx.send(new Request(e.method(), e.expand(v -> "1"), Map.of("Accept",
                        "application/json", "Content-Type", "text/plain"), "bulwark-kit", user1)));
    }

    private static Optional<ApiEndpoint> user1Get(ScanContext ctx, Identity user1) {
        return Targets.authenticatedGet(ctx, user1);
    }

    /** A write method the endpoint's path does not define (a 405 is expected), or none. */
    private static Optional<String> unusedMethod(ScanContext ctx, ApiEndpoint e) {
        return List.of("PATCH", "PUT", "POST").stream().filter(m -> ctx.api().endpoints().stream()
                .noneMatch(o -> o.sameOperation(m, e.path()))).findFirst();
    }
}
