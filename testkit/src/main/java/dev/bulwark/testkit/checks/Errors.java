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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error leakage (API8:2023). Provokes errors on real endpoints, each input carrying the marker
 * {@code bulwarkkit<n><x>}: malformed JSON ({@code {"a":}) and a {@code text/plain} body to an endpoint that takes
 * JSON (400, 415), a 2 MiB body once (413; unterminated JSON, so nothing is ever created), a non-numeric id where the path takes one (400/404), an unknown path under
 * the API (404), a method the path does not serve (PATCH or PUT with {@code {}}: 405), {@code Accept: image/png}
 * (406), and 500-ish inputs: a 10000-digit id, an id with {@code %00}, an 8000-character query value. Then it reads
 * those answers and every earlier answer of the scan with status 400 or more:
 * <ul>
 * <li>{@code errors.stack-trace} (MEDIUM): a Java stack trace ({@code at java.}, {@code Caused by:},
 * {@code Foo.java:12)}, {@code SomeException:}...);</li>
 * <li>{@code errors.product-disclosure} (LOW): server product or library names (Open Liberty, WebSphere, Payara,
 * GlassFish, WildFly, Undertow, Jetty, Tomcat, RESTEasy, Jersey, CXF, {@code com.fasterxml}, Hibernate) or SQL
 * error text;</li>
 * <li>{@code errors.reflected-html} (HIGH): the marker unescaped ({@code <x>} as sent) in a {@code text/html}
 * answer;</li>
 * <li>{@code errors.reflected-input} (LOW): the marker, escaped or not, in another error answer that is not JSON (a
 * page or text that quotes the request). A JSON
 * answer naming the client's own input (a validation problem's {@code field}) is not reported: JSON-encoded, it
 * reaches no page;</li>
 * <li>{@code errors.unhandled-5xx} (LOW): a 5xx to one of the provocations, unless its body is a generic
 * {@code application/problem+json} without details.</li>
 * </ul>
 */
public final class Errors implements Check {

    private static final Pattern STACK = Pattern.compile("\\bat (java|jakarta|javax|sun|com|org|dev|io)\\.[\\w$.]+\\("
            + "|\\tat |\\bCaused by: |\\.java:\\d+\\)|\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)\\b"
            + "|\\b[A-Z]\\w*Exception: ");
    private static final Pattern PRODUCT = Pattern.compile("\\b(Open ?Liberty|WebSphere|Payara|GlassFish|WildFly"
            + "|Undertow|Jetty|Apache Tomcat|Tomcat/\\d|RESTEasy|resteasy|Jersey|org\\.glassfish\\.jersey|Apache CXF"
            + "|org\\.apache\\.cxf|com\\.fasterxml|Hibernate|org\\.hibernate|SQLException|SQLSTATE|ORA-\\d{5}"
            + "|PSQLException|syntax error at or near|You have an error in your SQL syntax|org\\.h2\\.jdbc"
            + "|SQLITE_ERROR)");
    static final int LARGE_BODY = 2 * 1024 * 1024;

    @Override
    public String id() {
        return "errors";
    }

    @Override
    public String title() {
        return "Error leakage: stack traces, product names, reflected input";
    }

    @Override
    public void run(ScanContext ctx) {
        List<Exchange> before = ctx.probe().exchanges();
        String marker = "bulwarkkit" + Long.toString(ctx.settings().clock().millis() % 1_000_000_007L, 36);
        String sent = marker + "<x>";
        String encoded = marker + "%3Cx%3E";
        List<Exchange> provoked = new ArrayList<>();
        Optional<ApiEndpoint> writer = pick(ctx, e -> e.takesJson());
        writer.ifPresent(e -> {
            Identity who = Targets.caller(ctx, e).orElseThrow();
            String target = e.expand(v -> "1");
            provoked.add(ctx.send(Request.json(e.method(), target, "{\"" + sent + "\":", who)));
            provoked.add(ctx.send(new Request(e.method(), target, Map.of("Content-Type", "text/plain"), sent, who)));
            provoked.add(ctx.send(Request.json(e.method(), target, "{\"a\":\"" + sent
                    + "x".repeat(LARGE_BODY), who)));
        });
        pick(ctx, e -> e.method().equals("GET") && e.pathVariables().size() == 1).ifPresent(e -> {
            Identity who = Targets.caller(ctx, e).orElseThrow();
            provoked.add(ctx.send(get(e.expand(v -> encoded), who)));
            provoked.add(ctx.send(get(e.expand(v -> "9".repeat(10_000)), who)));
            provoked.add(ctx.send(get(e.expand(v -> encoded + "%00"), who)));
        });
        pick(ctx, e -> e.method().equals("GET") && !e.hasPathVariables()).ifPresent(e -> {
            Identity who = Targets.caller(ctx, e).orElseThrow();
            provoked.add(ctx.send(get(e.path(), who).header("Accept", "image/png")));
            provoked.add(ctx.send(get(e.path() + "?" + (e.query().isEmpty() ? marker : e.query().get(0).name())
                    + "=" + encoded + "y".repeat(8000), who)));
            String parent = e.path().substring(0, Math.max(e.path().lastIndexOf('/'), 0));
            provoked.add(ctx.send(get(parent + "/" + encoded, who)));
            List<String> served = ctx.api().endpoints().stream().filter(o -> o.path().equals(e.path()))
                    .map(ApiEndpoint::method).toList();
            String unsupported = !served.contains("PATCH") ? "PATCH" : !served.contains("PUT") ? "PUT" : null;
            if (unsupported != null) {
                provoked.add(ctx.send(Request.json(unsupported, e.path(), "{}", who)));
            }
        });
        Set<Exchange> all = new LinkedHashSet<>();
        before.stream().filter(x -> x.status() >= 400).forEach(all::add);
        all.addAll(provoked);
        for (Exchange x : all) {
            inspect(ctx, x, sent, provoked.contains(x));
        }
    }

    private void inspect(ScanContext ctx, Exchange x, String marker, boolean provoked) {
        if (!x.answered()) {
            return;
        }
        String subject = subject(ctx, x);
        ctx.tested(id(), subject);
        String body = x.body();
        Matcher stack = STACK.matcher(body);
        if (stack.find()) {
            report(ctx, x, subject, "errors.stack-trace", Severity.MEDIUM, "the answer (" + x.status() + ") shows a "
                    + "stack trace (" + line(body, stack.start()) + "): map every exception to a generic problem "
                    + "answer and log the details server-side");
        }
        Matcher product = PRODUCT.matcher(body);
        if (product.find()) {
            report(ctx, x, subject, "errors.product-disclosure", Severity.LOW, "the error answer names the product or"
                    + " library behind the API (" + product.group() + "): answer with a generic problem instead");
        }
        if (provoked && x.contentType().startsWith("text/html") && body.contains(marker)) {
            report(ctx, x, subject, "errors.reflected-html", Severity.HIGH, "the HTML error page reflects the "
                    + "input unescaped (" + marker + "): escape it, or answer errors with problem+json");
        } else if (provoked && x.status() >= 400 && !x.json()
                && body.contains(marker.substring(0, marker.length() - 3))) {
            report(ctx, x, subject, "errors.reflected-input", Severity.LOW, "the error answer repeats the client's "
                    + "input: leave input out of error details");
        }
        if (provoked && x.status() >= 500 && !generic(x)) {
            report(ctx, x, subject, "errors.unhandled-5xx", Severity.LOW, "unhandled input gives " + x.status()
                    + ": validate the input and answer 4xx with a generic problem");
        }
    }

    private static boolean generic(Exchange x) {
        return x.contentType().startsWith("application/problem+json") && !STACK.matcher(x.body()).find()
                && !PRODUCT.matcher(x.body()).find();
    }

    private void report(ScanContext ctx, Exchange x, String subject, String rule, Severity severity, String message) {
        Optional<ApiEndpoint> e = endpoint(ctx, x);
        ctx.reportOnce(new Finding(id(), rule, OwaspCategory.API8, severity, subject, e.map(ApiEndpoint::handler)
                .orElse(null), message, x.evidence()));
    }

    private static Optional<ApiEndpoint> endpoint(ScanContext ctx, Exchange x) {
        return Targets.endpointOf(ctx, x.request().method(), URI.create(x.url()).getRawPath());
    }

    /** The endpoint's subject, or the method and path as sent when no endpoint matches. */
    private static String subject(ScanContext ctx, Exchange x) {
        String path = URI.create(x.url()).getRawPath();
        String shown = path.length() > 80 ? path.substring(0, 80) + "..." : path;
        return endpoint(ctx, x).map(ApiEndpoint::subject).orElse(x.request().method() + " " + shown);
    }

    private static String line(String body, int at) {
        int end = body.indexOf('\n', at);
        String l = body.substring(at, end < 0 ? body.length() : end).trim();
        return l.length() > 120 ? l.substring(0, 120) : l;
    }

    private static Optional<ApiEndpoint> pick(ScanContext ctx, java.util.function.Predicate<ApiEndpoint> which) {
        return ctx.api().endpoints().stream().filter(which).filter(e -> Targets.caller(ctx, e).isPresent())
                .findFirst();
    }

    private static Request get(String target, Identity who) {
        return new Request("GET", target, new LinkedHashMap<>(Map.of("Accept", "application/json")), null, who);
    }
}
