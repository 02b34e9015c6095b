package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the API as each caller (user1, user2, the admin): every GET without path variables, then every GET with one
 * id variable filled with ids that caller saw. Keeps the answers (for the exposure check) and the ids each caller saw
 * (for BOLA). Reports nothing itself.
 */
public final class Discovery implements Check {

    /** How many ids per caller and endpoint are tried on endpoints with an id in the path. */
    static final int IDS_PER_ENDPOINT = 3;

    @Override
    public String id() {
        return "discovery";
    }

    @Override
    public String title() {
        return "Discovery: what each caller sees";
    }

    @Override
    public void run(ScanContext ctx) {
        List<ApiEndpoint> gets = ctx.api().endpoints().stream().filter(e -> e.method().equals("GET")).toList();
        List<ApiEndpoint> plain = Targets.plainGets(ctx);
        for (Identity who : ctx.callers()) {
            for (ApiEndpoint e : plain) {
                read(ctx, e, who, e.path());
            }
        }
        for (Identity who : ctx.callers()) {
            for (ApiEndpoint e : gets) {
                List<String> vars = e.pathVariables();
                if (vars.size() != 1) {
                    continue;
                }
                for (String id : candidates(ctx.idsSeenBy(who), vars.get(0))) {
                    read(ctx, e, who, e.expand(v -> URLEncoder.encode(id, StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static void read(ScanContext ctx, ApiEndpoint e, Identity who, String target) {
        Exchange x = ctx.send(new Request("GET", target, Map.of("Accept", "application/json"), null, who));
        if (x.success() && x.json()) {
            if (ctx.sampleOf(e, who) == null) {
                ctx.sample(e, who, x);
            }
            JsonValue body = Json.tryParse(x.body());
            if (body != null) {
                ids(body).forEach((field, values) -> ctx.sawIds(who, field, values));
            }
        }
    }

    /** The ids of a JSON answer by field name: members named {@code id} or ending in {@code Id} / {@code _id}. */
    static Map<String, Set<String>> ids(JsonValue body) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Json.walk(body, (path, value) -> {
            String field = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
            String lower = field.toLowerCase(Locale.ROOT);
            boolean id = lower.equals("id") || lower.endsWith("_id") || field.endsWith("Id") || lower.equals("uuid");
            String text = value instanceof JsonString s ? s.getString()
                    : value instanceof JsonNumber n ? n.toString() : null;
            if (id && text != null && !text.isBlank() && text.length() <= 200) {
                out.computeIfAbsent(field, k -> new LinkedHashSet<>()).add(text);
            }
        });
        return out;
    }

    /**
     * The ids to try for a path variable: those seen under the same name ({@code orderId}), then under {@code id}
     * (a list's own ids), at most {@link #IDS_PER_ENDPOINT}.
     */
    static List<String> candidates(Map<String, Set<String>> seen, String variable) {
        Set<String> out = new LinkedHashSet<>();
        out.addAll(seen.getOrDefault(variable, Set.of()));
        out.addAll(seen.getOrDefault("id", Set.of()));
        return new ArrayList<>(out).subList(0, Math.min(IDS_PER_ENDPOINT, out.size()));
    }
}
