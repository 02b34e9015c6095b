package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.Parameter;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BOLA (API1:2023): user2 tries user1's objects. User1's own ids are those discovery saw in user1's answers and never
 * in user2's (ids both saw, such as a shared catalogue's, are not owned).
 * <ul>
 * <li>Path ({@code bola.path}): on every endpoint with one path variable that both users are admitted to, for up to
 * three of user1's ids: GET as user1 (must be 2xx), then as user2; user2 getting 2xx with the same object (equal
 * body, or the same {@code id}) is a finding. PUT and PATCH send, as user2, the body user1's GET of that object
 * returned (the object unchanged); a 2xx is a finding. DELETE is sent (as user2 only) only when destructive methods
 * are enabled; a 2xx is a finding. 401, 403 and 404 for user2 are the correct answers.</li>
 * <li>Query ({@code bola.query}): GET endpoints with an id-like query parameter (OpenAPI): user1's id as the value;
 * user2 getting 2xx with the same non-empty answer that holds the id is a finding (an empty result is correct).</li>
 * <li>Body ({@code bola.body}): POST and PUT endpoints without path variables whose request schema has an id-like
 * property other than {@code id} ({@code orderId}): the minimal body with user1's id, sent as user2; a finding only
 * when the 2xx answer holds that id and a value seen only in user1's answers (user1's object came back).</li>
 * </ul>
 * When a finding is made and the scan has an admin admitted to the endpoint, the admin's GET of the object is
 * added to the message as context.
 */
public final class Bola implements Check {

    static final int IDS = 3;

    @Override
    public String id() {
        return "bola";
    }

    @Override
    public String title() {
        return "BOLA: one user's objects through another user's token";
    }

    @Override
    public void run(ScanContext ctx) {
        if (!ctx.identities().hasUsers()) {
            return;
        }
        Identity u1 = ctx.identities().user1();
        Identity u2 = ctx.identities().user2();
        Map<String, Set<String>> owned = owned(ctx.idsSeenBy(u1), ctx.idsSeenBy(u2));
        if (owned.isEmpty()) {
            return;
        }
        for (ApiEndpoint e : ctx.api().endpoints()) {
            if (!e.access().admits(u1) || !e.access().admits(u2) || (e.access().known() && e.access().isPublic())) {
                continue;
            }
            if (e.pathVariables().size() == 1) {
                path(ctx, e, owned, u1, u2);
            } else if (!e.hasPathVariables() && e.method().equals("GET")) {
                query(ctx, e, owned, u1, u2);
            } else if (!e.hasPathVariables() && (e.method().equals("POST") || e.method().equals("PUT"))) {
                body(ctx, e, owned, u1, u2);
            }
        }
    }

    /** User1's ids: seen by user1 and never by user2 (under any field name). */
    static Map<String, Set<String>> owned(Map<String, Set<String>> byUser1, Map<String, Set<String>> byUser2) {
        Set<String> shared = new HashSet<>();
        byUser2.values().forEach(shared::addAll);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        byUser1.forEach((field, ids) -> ids.stream().filter(id -> !shared.contains(id))
                .forEach(id -> out.computeIfAbsent(field, k -> new LinkedHashSet<>()).add(id)));
        return out;
    }

    private static void path(ScanContext ctx, ApiEndpoint e, Map<String, Set<String>> owned, Identity u1,
                             Identity u2) {
        String method = e.method();
        if (!(method.equals("GET") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))
                || !ctx.probe().allows(method)) {
            return;
        }
        ApiEndpoint read = method.equals("GET") ? e : ctx.api().endpoints().stream()
                .filter(g -> g.sameOperation("GET", e.path())).findFirst().orElse(null);
        if (read == null && !method.equals("DELETE")) {
            return;
        }
        ctx.tested("bola", e.subject());
        for (String id : Discovery.candidates(owned, e.pathVariables().get(0))) {
            String target = e.expand(v -> URLEncoder.encode(id, StandardCharsets.UTF_8));
            Exchange mine = read == null ? null : ctx.send(json("GET", target, null, u1));
            if (mine != null && !(mine.success() && mine.json())) {
                continue;
            }
            Exchange theirs = switch (method) {
                case "GET" -> ctx.send(json("GET", target, null, u2));
                case "DELETE" -> ctx.send(new Request("DELETE", target, Map.of(), null, u2));
                default -> ctx.send(json(method, target, mine.body(), u2).header("Content-Type",
                        e.consumes().stream().filter(c -> c.contains("json")).findFirst().orElse("application/json")));
            };
            boolean leak = theirs.success() && (!method.equals("GET") || sameObject(mine.body(), theirs.body()));
            if (leak) {
                String verb = method.equals("GET") ? "read" : method.equals("DELETE") ? "deleted" : "overwrote";
                ctx.report("bola", "bola.path", OwaspCategory.API1, Severity.HIGH, e, "user2 " + verb + " user1's "
                        + "object " + id + " (" + theirs.status() + "): check that the caller owns the object "
                        + "(Bulwark: @OwnedBy on the resource method)" + admin(ctx, e, target), theirs.evidence());
                return;
            }
        }
    }

    private static void query(ScanContext ctx, ApiEndpoint e, Map<String, Set<String>> owned, Identity u1,
                              Identity u2) {
        for (Parameter p : e.query()) {
            if (!p.identifier()) {
                continue;
            }
            ctx.tested("bola", e.subject());
            for (String id : Discovery.candidates(owned, p.name())) {
                String target = e.path() + "?" + URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(id, StandardCharsets.UTF_8);
                Exchange mine = ctx.send(json("GET", target, null, u1));
                if (!mine.success() || !mine.body().contains(id) || Targets.objects(mine.body()) == 0) {
                    continue;
                }
                Exchange theirs = ctx.send(json("GET", target, null, u2));
                if (theirs.success() && theirs.body().contains(id) && sameObject(mine.body(), theirs.body())) {
                    ctx.report("bola", "bola.query", OwaspCategory.API1, Severity.HIGH, e, "user2 read user1's "
                            + "objects through the query parameter " + p.name() + "=" + id + ": filter by the "
                            + "caller, not only by the parameter" + admin(ctx, e, target), theirs.evidence());
                    return;
                }
            }
        }
    }

    private static void body(ScanContext ctx, ApiEndpoint e, Map<String, Set<String>> owned, Identity u1,
                             Identity u2) {
        if (e.requestSchema() == null || !e.takesJson()) {
            return;
        }
        Set<String> onlyUser1 = onlyIn(ctx, u1, u2);
        for (Map.Entry<String, JsonObject> prop : Bodies.properties(ctx.api(), e.requestSchema()).entrySet()) {
            String name = prop.getKey();
            if (name.equalsIgnoreCase("id") || !new Parameter(name, "body", false, null).identifier()
                    || Bodies.readOnly(prop.getValue())) {
                continue;
            }
            ctx.tested("bola", e.subject());
            List<String> ids = Discovery.candidates(owned, name);
            if (ids.isEmpty()) {
                continue;
            }
            String id = ids.get(0);
            boolean number = Bodies.type(prop.getValue()).equals("integer") && id.matches("-?\\d{1,18}");
            JsonObject base = Bodies.minimal(ctx.api(), e.requestSchema());
            String sent = jakarta.json.Json.createObjectBuilder(base).add(name, number
                    ? jakarta.json.Json.createValue(Long.parseLong(id)) : jakarta.json.Json.createValue(id))
                    .build().toString();
            Exchange theirs = ctx.send(json(e.method(), e.path(), sent, u2));
            if (theirs.success() && theirs.body().contains(id)) {
                Optional<String> leaked = values(theirs.body()).stream()
                        .filter(v -> !v.equals(id) && onlyUser1.contains(v)).findFirst();
                if (leaked.isPresent()) {
                    ctx.report("bola", "bola.body", OwaspCategory.API1, Severity.HIGH, e, "user2 acted on user1's "
                            + "object " + name + "=" + id + " and got user1's data back (" + leaked.get() + "): check "
                            + "that the caller owns objects a body refers to", theirs.evidence());
                }
            }
        }
    }

    /** String values (4 characters or more) and the user's subject seen in user1's answers and never in user2's. */
    private static Set<String> onlyIn(ScanContext ctx, Identity u1, Identity u2) {
        Set<String> mine = new LinkedHashSet<>();
        Set<String> theirs = new HashSet<>();
        for (ApiEndpoint g : ctx.api().endpoints()) {
            Exchange a = ctx.sampleOf(g, u1);
            Exchange b = ctx.sampleOf(g, u2);
            if (a != null) {
                mine.addAll(values(a.body()));
            }
            if (b != null) {
                theirs.addAll(values(b.body()));
            }
        }
        mine.removeAll(theirs);
        if (u1.subject() != null && (u2.subject() == null || !u1.subject().equals(u2.subject()))) {
            mine.add(u1.subject());
        }
        return mine;
    }

    private static Set<String> values(String body) {
        Set<String> out = new LinkedHashSet<>();
        JsonValue v = Json.tryParse(body);
        if (v != null) {
            Json.walk(v, (path, value) -> {
                if (value instanceof JsonString s && s.getString().length() >= 4) {
                    out.add(s.getString());
                }
            });
        }
        return out;
    }

    /** True when user2's answer is user1's object: the same JSON, or objects with the same {@code id}. */
    static boolean sameObject(String mine, String theirs) {
        JsonValue a = Json.tryParse(mine);
        JsonValue b = Json.tryParse(theirs);
        if (a == null || b == null) {
            return mine.equals(theirs) && !mine.isBlank();
        }
        if (a.equals(b)) {
            return !(a.equals(JsonValue.EMPTY_JSON_ARRAY) || a.equals(JsonValue.EMPTY_JSON_OBJECT));
        }
        return a instanceof JsonObject x && b instanceof JsonObject y && x.containsKey("id")
                && x.get("id").equals(y.get("id"));
    }

    private static String admin(ScanContext ctx, ApiEndpoint e, String target) {
        Optional<Identity> admin = ctx.identities().admin();
        if (admin.isEmpty() || !e.access().admits(admin.get())) {
            return "";
        }
        Exchange x = ctx.send(json("GET", target, null, admin.get()));
        return " (the admin's GET of it: " + (x.answered() ? x.status() : "no answer") + ")";
    }

    private static Request json(String method, String target, String body, Identity who) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Request(method.toUpperCase(Locale.ROOT), target, headers, body, who);
    }
}
