package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Small shared choices of the checks: the endpoints several checks pick as their target, who calls an endpoint,
 * which endpoint a URL is, how many objects came.
 */
final class Targets {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    private Targets() {
    }

    /** GETs without path variables and without required query parameters, in the model's order. */
    static List<ApiEndpoint> plainGets(ScanContext ctx) {
        return ctx.api().endpoints().stream().filter(e -> e.method().equals("GET") && !e.hasPathVariables()
                && e.query().stream().noneMatch(p -> p.required())).toList();
    }

    /**
     * An authenticated GET without path variables that {@code who} is admitted to and that answered it 2xx in
     * discovery; else any known-authenticated GET without path variables that admits {@code who}.
     */
    static Optional<ApiEndpoint> authenticatedGet(ScanContext ctx, Identity who) {
        List<ApiEndpoint> candidates = plainGets(ctx).stream().filter(e -> e.access().known()
                && !e.access().isPublic() && !e.access().denyAll() && e.access().admits(who)).toList();
        for (ApiEndpoint e : candidates) {
            Exchange sample = ctx.sampleOf(e, who);
            if (sample != null && sample.success()) {
                return Optional.of(e);
            }
        }
        return candidates.stream().findFirst();
    }

    /** Public GETs without path variables. */
    static List<ApiEndpoint> publicGets(ScanContext ctx) {
        return plainGets(ctx).stream().filter(e -> e.access().known() && e.access().isPublic()).toList();
    }

    /**
     * The caller for an endpoint: user1 when admitted, else the admin when admitted, else anonymous when the endpoint
     * is public; empty when none of them may call it (or, with no users, unless it is public).
     */
    static Optional<Identity> caller(ScanContext ctx, ApiEndpoint e) {
        if (e.access().known() && e.access().isPublic()) {
            return Optional.of(ctx.identities().hasUsers() ? ctx.identities().user1() : Identity.ANONYMOUS);
        }
        if (ctx.identities().hasUsers() && e.access().admits(ctx.identities().user1())) {
            return Optional.of(ctx.identities().user1());
        }
        return ctx.identities().admin().filter(a -> e.access().admits(a));
    }

    /** The endpoint a request path (no query) belongs to, by method and template; empty when none matches. */
    static Optional<ApiEndpoint> endpointOf(ScanContext ctx, String method, String path) {
        return ctx.api().endpoints().stream().filter(e -> e.method().equalsIgnoreCase(method))
                .filter(e -> pattern(e).matcher(path).matches()).findFirst();
    }

    private static Pattern pattern(ApiEndpoint e) {
        String[] literal = VARIABLE.split(e.path(), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literal.length; i++) {
            regex.append(Pattern.quote(literal[i]));
            if (i < literal.length - 1) {
                regex.append("[^/]+");
            }
        }
        return Pattern.compile(regex + "/?");
    }

    /** How many objects a JSON answer holds: an array's size, an object's first array member's size, else 1. */
    static int objects(String body) {
        JsonValue v = Json.tryParse(body);
        if (v instanceof JsonArray a) {
            return a.size();
        }
        if (v instanceof JsonObject o) {
            return o.values().stream().filter(x -> x instanceof JsonArray).map(x -> ((JsonArray) x).size())
                    .findFirst().orElse(1);
        }
        return v == null ? 0 : 1;
    }
}
