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
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTPS only (API8), when the base URL is https (else the report says the check did not run).
 * <ol>
 *   <li>Plain HTTP: a public GET as anonymous (else user1's GET of an authenticated endpoint) at the plain-HTTP URL
 *       ({@code httpUrl} in the settings, else {@code http://} on the HTTPS port, where a non-HTTP answer is
 *       expected). A 2xx carrying the API's content (JSON, or the body HTTPS gave) is {@code transport.plain-http}
 *       (HIGH, subject {@code HTTP}); a 301/308 redirect to https, 400, 403, 426 or no answer is fine.</li>
 *   <li>Old protocols: a hand-written TLS 1.0 and a TLS 1.1 ClientHello over a plain socket (the JDK will not
 *       send them); a ServerHello agreeing to that version is {@code transport.tls10} / {@code transport.tls11}
 *       (HIGH, subject {@code TLS}); an alert or a closed connection is fine. Each counts as one request.</li>
 *   <li>HSTS: a 2xx HTTPS answer of the scan (one is sent when there is none) must carry
 *       {@code Strict-Transport-Security} with {@code max-age} of at least one year: missing or shorter is
 *       {@code transport.hsts} (MEDIUM, subject {@code HSTS}).</li>
 * </ol>
 */
public final class TransportCheck implements Check {

    static final long YEAR = 31_536_000L;
    private static final Pattern MAX_AGE = Pattern.compile("(?i)max-age\\s*=\\s*\"?(\\d+)");

    @Override
    public String id() {
        return "transport";
    }

    @Override
    public String title() {
        return "HTTPS only: no plain HTTP, no TLS 1.0/1.1, HSTS";
    }

    @Override
    public void run(ScanContext ctx) {
        URI base = ctx.probe().base();
        if (!"https".equalsIgnoreCase(base.getScheme())) {
            ctx.notRun(id(), "the base URL is not https: point the kit at the HTTPS URL to test transport security");
            return;
        }
        Optional<Request> target = target(ctx);
        Exchange https = target.map(ctx::send).orElse(null);
        target.ifPresent(r -> plainHttp(ctx, r, https));
        int port = base.getPort() > 0 ? base.getPort() : 443;
        for (int version : new int[] {TlsHello.TLS10, TlsHello.TLS11}) {
            ctx.probe().charge();
            ctx.tested(id(), "TLS");
            TlsHello.Answer a = TlsHello.probe(base.getHost(), port, version, ctx.settings().timeout());
            if (a.agreed(version)) {
                String v = TlsHello.name(version);
                ctx.report(new Finding(id(), version == TlsHello.TLS10 ? "transport.tls10" : "transport.tls11",
                        OwaspCategory.API8, Severity.HIGH, "TLS", null, "The server agrees to " + v + ": allow TLS"
                        + " 1.2 and 1.3 only.", "ClientHello " + v + " to " + base.getHost() + ":" + port + " -> "
                        + a.describe()));
            }
        }
        hsts(ctx, https);
    }

    /**
     * A public GET as anonymous, so no token travels in clear; only when the API has none, user1's GET of an
     * authenticated endpoint (its token then crosses plain HTTP once: a test environment's short-lived token).
     */
    private static Optional<Request> target(ScanContext ctx) {
        Map<String, String> accept = Map.of("Accept", "application/json");
        Optional<Request> open = Targets.publicGets(ctx).stream().findFirst().map(e -> new Request("GET", e.path(),
                accept, null, Identity.ANONYMOUS));
        if (open.isPresent() || !ctx.identities().hasUsers()) {
            return open;
        }
        Identity user1 = ctx.identities().user1();
        return Targets.authenticatedGet(ctx, user1).map(e -> new Request("GET", e.path(), accept, null, user1));
    }

    private void plainHttp(ScanContext ctx, Request request, Exchange https) {
        URI base = ctx.probe().base();
        URI http = ctx.settings().httpUrl() != null ? ctx.settings().httpUrl()
                : URI.create("http://" + base.getRawAuthority());
        String origin = http.getScheme() + "://" + http.getRawAuthority();
        ctx.tested(id(), "HTTP");
        Exchange x = ctx.send(new Request(request.method(), origin + request.target(), request.headers(), null,
                request.identity()));
        boolean content = x.json() || https != null && https.success() && !x.body().isEmpty()
                && x.body().equals(https.body());
        if (x.success() && content) {
            ctx.report(new Finding(id(), "transport.plain-http", OwaspCategory.API8, Severity.HIGH, "HTTP", null,
                    "The API answers over plain HTTP (" + origin + "): tokens and data travel in clear. Close the"
                    + " HTTP port or redirect it (301/308) to https without serving content.", x.evidence()));
        }
    }

    private void hsts(ScanContext ctx, Exchange sent) {
        String origin = ctx.probe().base().getScheme() + "://" + ctx.probe().base().getRawAuthority();
        Exchange answer = ctx.probe().exchanges().stream().filter(x -> x.success() && x.url().startsWith(origin))
                .findFirst().orElse(sent);
        if (answer == null || !answer.answered()) {
            answer = ctx.send(Request.get(ctx.probe().basePath() + "/", Identity.ANONYMOUS));
        }
        if (!answer.answered()) {
            return;
        }
        ctx.tested(id(), "HSTS");
        String problem = hstsProblem(answer.header("Strict-Transport-Security"));
        if (problem != null) {
            ctx.report(new Finding(id(), "transport.hsts", OwaspCategory.API8, Severity.MEDIUM, "HSTS", null,
                    problem + ": send Strict-Transport-Security: max-age=31536000 (or more) on every HTTPS answer.",
                    answer.evidence()));
        }
    }

    /** What is wrong with an HSTS header value (null: present with max-age of a year or more). */
    static String hstsProblem(String value) {
        if (value == null) {
            return "No Strict-Transport-Security header";
        }
        Matcher m = MAX_AGE.matcher(value);
        if (!m.find()) {
            return "Strict-Transport-Security without max-age (" + value + ")";
        }
        long age = m.group(1).length() > 12 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
        return age < YEAR ? "Strict-Transport-Security max-age " + age + " is under a year" : null;
    }

}
