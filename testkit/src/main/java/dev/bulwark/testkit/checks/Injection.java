package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Parameter;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Injection smoke tests (API8:2023). For GET endpoints, each path variable and each OpenAPI query parameter (at most
 * four an endpoint) gets a legitimate value (an id the caller saw, for a path variable the first of up to three the
 * caller can read; else {@code 1} or {@code bulwarkkit}) and then, one at a time:
 * SQL ({@code <value>' OR '1'='1}, {@code <value>;--}, {@code <value>' AND SLEEP(0)--}), NoSQL (the query form
 * {@code name[$ne]=1}), path traversal ({@code ../../../../etc/passwd}, {@code ..%2f..%2f..%2fetc%2fpasswd},
 * {@code %c0%ae%c0%ae/}), and for the first query parameter a CR/LF header injection
 * ({@code bulwarkkit%0d%0aX-Bulwark-Injected:%20yes}) sent over a raw socket so the answer's header block is read
 * as it came. For POST and PUT endpoints without path variables that take JSON, up to three string properties of the
 * minimal body get the SQL and traversal payloads and the NoSQL operator object {@code {"$gt":""}}. Findings:
 * <ul>
 * <li>{@code injection.sql} (HIGH): SQL or database error text in the answer, or a 2xx to {@code ' OR '1'='1} on an
 * id lookup (a path variable or an id-like query parameter) with more objects than the legitimate id got;</li>
 * <li>{@code injection.nosql} (HIGH): database error text in the answer to a NoSQL payload;</li>
 * <li>{@code injection.path-traversal} (HIGH): {@code root:x:0:0} in the answer;</li>
 * <li>{@code injection.header} (HIGH): the injected header in the answer's header block;</li>
 * <li>{@code injection.server-error} (MEDIUM): a 5xx to any payload (the input reached code that failed on it).</li>
 * </ul>
 * Only endpoints the caller is admitted to are tried (user1, else the admin, else anonymous for public ones).
 */
public final class Injection implements Check {

    static final int MAX_PARAMETERS = 4;
    static final int MAX_BODY_FIELDS = 3;
    static final String INJECTED_HEADER = "X-Bulwark-Injected";
    private static final Pattern DB_ERROR = Pattern.compile("(?i)(SQLException|SQLSTATE|syntax error at or near"
            + "|You have an error in your SQL syntax|ORA-\\d{5}|PSQLException|org\\.h2\\.jdbc|SQLITE_ERROR"
            + "|unterminated quoted string|Unclosed quotation mark|MongoError|MongoServerError|\\$where|BSONException"
            + "|JPQL|org\\.hibernate\\.(query|exception))");
    private static final List<String> TRAVERSAL = List.of("../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd",
            "%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd");

    private record Payload(String kind, String raw) {
    }

    @Override
    public String id() {
        return "injection";
    }

    @Override
    public String title() {
        return "Injection smoke tests: SQL, NoSQL, path traversal, header injection";
    }

    @Override
    public void run(ScanContext ctx) {
        for (ApiEndpoint e : ctx.api().endpoints()) {
            Optional<Identity> who = Targets.caller(ctx, e);
            if (who.isEmpty()) {
                continue;
            }
            if (e.method().equals("GET")) {
                get(ctx, e, who.get());
            } else if (e.takesJson() && !e.hasPathVariables() && e.requestSchema() != null
                    && !e.method().equals("PATCH")) {
                body(ctx, e, who.get());
            }
        }
    }

    private void get(ScanContext ctx, ApiEndpoint e, Identity who) {
        List<String> vars = e.pathVariables();
        List<Parameter> query = e.query().stream().limit(MAX_PARAMETERS).toList();
        if (vars.size() > 1 || vars.isEmpty() && query.isEmpty()) {
            return;
        }
        ctx.tested(id(), e.subject());
        String path = e.path();
        if (!vars.isEmpty()) {
            Exchange base = null;
            String legit = "1";
            for (String id : Discovery.candidates(ctx.idsSeenBy(who), vars.get(0))) {
                legit = id;
                base = ctx.send(get(e.expand(v -> enc(id)), who));
                if (base.success()) {
                    break;
                }
            }
            String chosen = legit;
            path = e.expand(v -> enc(chosen));
            if (base == null) {
                base = ctx.send(get(path, who));
            }
            for (Payload p : payloads(legit, false)) {
                Exchange x = ctx.send(get(e.expand(v -> p.kind().equals("traversal") ? p.raw() : enc(p.raw())), who));
                judge(ctx, e, p, x, base, true);
            }
        }
        for (Parameter q : query) {
            String value = q.identifier() ? legitimate(ctx, who, q.name()) : "bulwarkkit";
            Exchange base = ctx.send(get(path + "?" + enc(q.name()) + "=" + enc(value), who));
            for (Payload p : payloads(value, true)) {
                String pair = p.kind().equals("nosql") ? enc(q.name()) + "[$ne]=1"
                        : enc(q.name()) + "=" + (p.kind().equals("traversal") ? p.raw() : enc(p.raw()));
                judge(ctx, e, p, ctx.send(get(path + "?" + pair, who)), base, q.identifier());
            }
        }
        if (!query.isEmpty()) {
            header(ctx, e, who, path + "?" + enc(query.get(0).name()) + "=bulwarkkit%0d%0a" + INJECTED_HEADER
                    + ":%20yes");
        }
    }

    private void body(ScanContext ctx, ApiEndpoint e, Identity who) {
        JsonObject base = Bodies.minimal(ctx.api(), e.requestSchema());
        List<String> fields = Bodies.properties(ctx.api(), e.requestSchema()).entrySet().stream()
                .filter(p -> Bodies.type(p.getValue()).equals("string") && !Bodies.readOnly(p.getValue())
                        && !p.getValue().containsKey("enum") && !p.getValue().containsKey("format"))
                .map(Map.Entry::getKey).limit(MAX_BODY_FIELDS).toList();
        if (fields.isEmpty()) {
            return;
        }
        ctx.tested(id(), e.subject());
        for (String f : fields) {
            for (Payload p : payloads("bulwarkkit", false)) {
                send(ctx, e, who, base, f, jakarta.json.Json.createValue(p.raw()), p);
            }
            Payload nosql = new Payload("nosql", "{\"$gt\":\"\"}");
            send(ctx, e, who, base, f, jakarta.json.Json.createObjectBuilder().add("$gt", "").build(), nosql);
        }
    }

    private void send(ScanContext ctx, ApiEndpoint e, Identity who, JsonObject base, String field, JsonValue value,
                      Payload p) {
        String body = jakarta.json.Json.createObjectBuilder(base).add(field, value).build().toString();
        judge(ctx, e, p, ctx.send(Request.json(e.method(), e.path(), body, who).header("Accept", "application/json")),
                null, false);
    }

    private static List<Payload> payloads(String value, boolean query) {
        List<Payload> out = new java.util.ArrayList<>(List.of(new Payload("sql", value + "' OR '1'='1"),
                new Payload("sql", value + ";--"), new Payload("sql", value + "' AND SLEEP(0)--")));
        if (query) {
            out.add(new Payload("nosql", "[$ne]=1"));
        }
        TRAVERSAL.forEach(t -> out.add(new Payload("traversal", t)));
        return out;
    }

    private void judge(ScanContext ctx, ApiEndpoint e, Payload p, Exchange x, Exchange base, boolean idLookup) {
        if (!x.answered()) {
            return;
        }
        String what = "the " + p.kind() + " payload " + p.raw();
        if (p.kind().equals("traversal") && x.body().contains("root:x:0:0")) {
            ctx.report(id(), "injection.path-traversal", OwaspCategory.API8, Severity.HIGH, e, what + " read "
                    + "/etc/passwd: never build file paths from input; resolve against a base and check the result "
                    + "stays inside it", x.evidence());
        } else if (DB_ERROR.matcher(x.body()).find()) {
            String rule = p.kind().equals("nosql") ? "injection.nosql" : "injection.sql";
            ctx.report(id(), rule, OwaspCategory.API8, Severity.HIGH, e, what + " produced a database error: "
                    + "bind input as query parameters, never concatenate it into a query", x.evidence());
        } else if (p.raw().endsWith("' OR '1'='1") && idLookup && base != null && base.success() && x.success()
                && Targets.objects(x.body()) > Targets.objects(base.body())) {
            ctx.report(id(), "injection.sql", OwaspCategory.API8, Severity.HIGH, e, what + " returned more objects ("
                    + Targets.objects(x.body()) + ") than the legitimate id (" + Targets.objects(base.body())
                    + "): bind input as query parameters", x.evidence());
        } else if (x.status() >= 500) {
            ctx.reportOnce(new Finding(id(), "injection.server-error", OwaspCategory.API8, Severity.MEDIUM,
                    e.subject(), e.handler(), what + " gave " + x.status() + ": validate the input and answer 400",
                    x.evidence()));
        }
    }

    /** Sends a GET over a raw socket (charged to the probe) and reports an injected header in the header block. */
    private void header(ScanContext ctx, ApiEndpoint e, Identity who, String target) {
        URI base = ctx.probe().base();
        boolean tls = base.getScheme().equalsIgnoreCase("https");
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        ctx.probe().charge();
        String request = "GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port + "\r\n"
                + (who.token() == null ? "" : "Authorization: Bearer " + who.token() + "\r\n")
                + "Accept: application/json\r\nConnection: close\r\n\r\n";
        String head;
        int timeout = (int) ctx.settings().timeout().toMillis();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(base.getHost(), port), timeout);
            plain.setSoTimeout(timeout);
            Socket s = tls ? ctx.tls().getSocketFactory().createSocket(plain, base.getHost(), port, true) : plain;
            try (s) {
                OutputStream out = s.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                head = readHead(s.getInputStream());
            }
        } catch (IOException failed) {
            return;
        }
        boolean injected = head.lines().skip(1).anyMatch(l -> l.regionMatches(true, 0, INJECTED_HEADER, 0,
                INJECTED_HEADER.length()));
        if (injected) {
            String status = head.lines().findFirst().orElse("");
            ctx.report(id(), "injection.header", OwaspCategory.API8, Severity.HIGH, e, "a CR/LF in a query value "
                    + "became a response header (" + INJECTED_HEADER + "): never copy input into headers unencoded",
                    "GET " + target + " as " + who.name() + " -> " + status + " with " + INJECTED_HEADER);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while (buf.size() < 65_536 && (b = in.read()) >= 0) {
            buf.write(b);
            String s = buf.size() >= 4 ? buf.toString(StandardCharsets.ISO_8859_1) : "";
            if (s.endsWith("\r\n\r\n")) {
                break;
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static String legitimate(ScanContext ctx, Identity who, String name) {
        List<String> ids = Discovery.candidates(ctx.idsSeenBy(who), name);
        return ids.isEmpty() ? "1" : ids.get(0);
    }

    private static Request get(String target, Identity who) {
        return new Request("GET", target, Map.of("Accept", "application/json"), null, who);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
