package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mass assignment (API3:2023): on every POST, PUT and PATCH endpoint that takes JSON and user1 is admitted to, sends
 * the minimal valid body (built from the OpenAPI request schema: required properties, types, enums, formats;
 * {@code {}} without a schema; for an endpoint with an id in the path, user1's GET of one of its own objects) plus one
 * extra property at a time: the privileged fields the schema does not declare ({@code isAdmin: true},
 * {@code role: "admin"}, {@code owner}, {@code ownerId}, {@code customerId} set to user2's subject, {@code id: 999999},
 * {@code price: 0}, {@code status: "approved"}), then each {@code readOnly: true} property of the schema with a
 * value of its type. Extra fields the object user1 read already has are only sent when they are {@code id},
 * {@code owner}, {@code ownerId}, {@code isAdmin} or {@code role} (others may be writable). Endpoints whose access
 * is unknown are not called. A 2xx whose answer (or the object its {@code Location} header names, read back as user1)
 * carries the injected value is a finding: {@code mass-assignment.unknown-field} (HIGH) or
 * {@code mass-assignment.read-only-field} (MEDIUM). A 400 or 422 is correct; so is a 2xx that ignored the field
 * (Bulwark itself refuses unknown fields with 400, but ignoring one is no vulnerability). This check writes: it only
 * calls endpoints user1 may call, with minimal bodies, at most 13 requests an endpoint.
 */
public final class MassAssignment implements Check {

    static final int MAX_READ_ONLY = 5;
    /** Fields a client never sets, even when its own object has them (others of the object's may be writable). */
    private static final java.util.Set<String> PRIVILEGED = java.util.Set.of("id", "owner", "ownerId", "isAdmin",
            "role");

    @Override
    public String id() {
        return "mass-assignment";
    }

    @Override
    public String title() {
        return "Mass assignment: unknown and read-only fields in request bodies";
    }

    @Override
    public void run(ScanContext ctx) {
        if (!ctx.identities().hasUsers()) {
            return;
        }
        Identity u1 = ctx.identities().user1();
        String other = ctx.identities().user2().subject() != null ? ctx.identities().user2().subject() : "user2";
        for (ApiEndpoint e : ctx.api().endpoints()) {
            if (!e.takesJson() || !e.access().known() || !e.access().admits(u1) || e.pathVariables().size() > 1) {
                continue;
            }
            String target = target(ctx, e, u1);
            if (target == null) {
                continue;
            }
            JsonObject base = base(ctx, e, target, u1);
            ctx.tested(id(), e.subject());
            Map<String, JsonObject> declared = Bodies.properties(ctx.api(), e.requestSchema());
            Map<String, JsonValue> unknown = new LinkedHashMap<>();
            unknown.put("isAdmin", JsonValue.TRUE);
            unknown.put("role", jakarta.json.Json.createValue("admin"));
            unknown.put("owner", jakarta.json.Json.createValue(other));
            unknown.put("ownerId", jakarta.json.Json.createValue(other));
            unknown.put("customerId", jakarta.json.Json.createValue(other));
            unknown.put("id", jakarta.json.Json.createValue(999999));
            unknown.put("price", jakarta.json.Json.createValue(0));
            unknown.put("status", jakarta.json.Json.createValue("approved"));
            for (Map.Entry<String, JsonValue> f : unknown.entrySet()) {
                boolean present = base.containsKey(f.getKey()) && !PRIVILEGED.contains(f.getKey());
                if (!declared.containsKey(f.getKey()) && !present) {
                    inject(ctx, e, target, u1, base, f.getKey(), f.getValue(), false);
                }
            }
            declared.entrySet().stream().filter(p -> Bodies.readOnly(p.getValue())).limit(MAX_READ_ONLY)
                    .forEach(p -> inject(ctx, e, target, u1, base, p.getKey(), readOnlyValue(p.getValue()), true));
        }
    }

    private static void inject(ScanContext ctx, ApiEndpoint e, String target, Identity u1, JsonObject base,
                               String field, JsonValue value, boolean readOnly) {
        String body = jakarta.json.Json.createObjectBuilder(base).add(field, value).build().toString();
        Exchange x = ctx.send(new Request(e.method(), target, Map.of("Content-Type", "application/json",
                "Accept", "application/json"), body, u1));
        if (!x.success()) {
            return;
        }
        Exchange shown = x;
        boolean kept = carries(x.body(), field, value);
        String location = x.header("Location");
        if (!kept && location != null && !location.isBlank()) {
            Exchange read = ctx.send(new Request("GET", location, Map.of("Accept", "application/json"), null, u1));
            if (read.success() && carries(read.body(), field, value)) {
                kept = true;
                shown = read;
            }
        }
        if (kept) {
            String rule = readOnly ? "mass-assignment.read-only-field" : "mass-assignment.unknown-field";
            String what = readOnly ? "the read-only property " + field : "the undeclared property " + field;
            ctx.report("mass-assignment", rule, OwaspCategory.API3, readOnly ? Severity.MEDIUM : Severity.HIGH, e,
                    "the API accepted " + what + " = " + value + " from the client and kept it: bind request bodies "
                            + "to a class with only the client-writable fields, and refuse unknown ones (400)",
                    "sent " + body + "; " + shown.evidence());
        }
    }

    /** True when a JSON answer's top-level member {@code field} equals {@code value}. */
    static boolean carries(String body, String field, JsonValue value) {
        JsonValue v = Json.tryParse(body);
        return v instanceof JsonObject o && Bodies.same(o.get(field), value);
    }

    private static JsonValue readOnlyValue(JsonObject property) {
        return switch (Bodies.type(property)) {
            case "integer", "number" -> jakarta.json.Json.createValue(999999);
            case "boolean" -> JsonValue.TRUE;
            case "string" -> jakarta.json.Json.createValue(switch (property.getString("format", "")) {
                case "date-time" -> "2001-02-03T04:05:06Z";
                case "date" -> "2001-02-03";
                case "uuid" -> "00000000-0000-4000-8000-00000000bee5";
                default -> "bulwarkkit-read-only";
            });
            default -> jakarta.json.Json.createValue("bulwarkkit-read-only");
        };
    }

    /**
     * The URL to send to: the path, or with its one id variable filled with an id user1 saw (the first one user1 can
     * read back when the path has a GET); null when there is none.
     */
    private static String target(ScanContext ctx, ApiEndpoint e, Identity u1) {
        if (!e.hasPathVariables()) {
            return e.path();
        }
        List<String> ids = Discovery.candidates(ctx.idsSeenBy(u1), e.pathVariables().get(0));
        boolean readable = ctx.api().endpoints().stream().anyMatch(g -> g.sameOperation("GET", e.path()));
        for (String id : ids) {
            String target = e.expand(v -> URLEncoder.encode(id, StandardCharsets.UTF_8));
            if (!readable || ctx.send(new Request("GET", target, Map.of("Accept", "application/json"), null, u1))
                    .success()) {
                return target;
            }
        }
        return null;
    }

    /** The body the extras go into: user1's current object for an endpoint with an id, else the minimal body. */
    private static JsonObject base(ScanContext ctx, ApiEndpoint e, String target, Identity u1) {
        if (e.hasPathVariables() && ctx.api().endpoints().stream().anyMatch(g -> g.sameOperation("GET", e.path()))) {
            Exchange mine = ctx.send(new Request("GET", target, Map.of("Accept", "application/json"), null, u1));
            if (mine.success() && Json.tryParse(mine.body()) instanceof JsonObject o) {
                return o;
            }
        }
        return Bodies.minimal(ctx.api(), e.requestSchema());
    }
}
