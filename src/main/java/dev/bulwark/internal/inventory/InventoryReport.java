package dev.bulwark.internal.inventory;

import dev.bulwark.internal.errors.JsonText;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import java.util.List;

/** Renders the inventory as the start-up table and as the JSON the inventory endpoint serves. */
public final class InventoryReport {

    private InventoryReport() {
    }

    public static String table(List<Endpoint> endpoints) {
        return table(endpoints, List.of());
    }

    /** The table of the endpoints, then one line per guarded CDI bean method with its policy. */
    public static String table(List<Endpoint> endpoints, List<EndpointPolicy> beans) {
        return table(endpoints, beans, List.of());
    }

    /**
     * Like {@link #table(List, List)}, headed by the controls that only observe ({@code bulwark.observe}) on every
     * endpoint and bean method listed, when there are any.
     */
    public static String table(List<Endpoint> endpoints, List<EndpointPolicy> beans, List<String> observed) {
        String[] headers = {"METHOD", "PATH", "CONSUMES", "PRODUCES", "ACCESS", "POLICY", "HANDLER"};
        int[] width = new int[headers.length];
        String[][] rows = new String[endpoints.size()][];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
        }
        for (int r = 0; r < endpoints.size(); r++) {
            Endpoint e = endpoints.get(r);
            rows[r] = new String[] {e.httpMethod(), e.path(), list(e.consumes()), list(e.produces()), e.access(),
                policies(e.policies()), e.handler()};
            for (int i = 0; i < headers.length; i++) {
                width[i] = Math.max(width[i], rows[r][i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Bulwark endpoint inventory (").append(endpoints.size()).append(" endpoints)\n");
        if (!observed.isEmpty()) {
            out.append("OBSERVE MODE on every endpoint below: enforcement is OFF for ")
                    .append(String.join(", ", observed)).append(" (bulwark.observe)\n");
        }
        appendRow(out, headers, width);
        for (String[] row : rows) {
            appendRow(out, row, width);
        }
        List<String> findings = new java.util.ArrayList<>();
        for (Endpoint e : endpoints) {
            for (String f : e.findings()) {
                findings.add("  " + e.httpMethod() + " " + e.path() + ": " + f);
            }
        }
        if (!findings.isEmpty()) {
            out.append("Findings (").append(findings.size()).append("):\n");
            findings.forEach(f -> out.append(f).append('\n'));
        }
        List<EndpointPolicy> guarded = beans.stream().filter(b -> !b.described().isEmpty()).toList();
        if (!guarded.isEmpty()) {
            out.append("Guarded CDI bean methods (").append(guarded.size()).append("):\n");
            for (EndpointPolicy b : guarded) {
                out.append("  ").append(b.site().name()).append("  ").append(policies(b.described())).append('\n');
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "  " : "  ");
            out.append(cells[i]);
            if (i < cells.length - 1) {
                out.append(" ".repeat(width[i] - cells[i].length()));
            }
        }
        out.append('\n');
    }

    /** "rate-limit: 10/1m per ip | body: max 4096 bytes", or "-" when the endpoint has no other policy. */
    private static String policies(java.util.Map<String, String> policies) {
        List<String> parts = new java.util.ArrayList<>();
        policies.forEach((label, text) -> parts.add(label + ": " + text));
        return parts.isEmpty() ? "-" : String.join(" | ", parts);
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(",", values);
    }

    public static String json(List<Endpoint> endpoints) {
        return json(endpoints, List.of());
    }

    /** The endpoints, then the guarded CDI bean methods ({@code beans}: handler, access when decided, policies). */
    public static String json(List<Endpoint> endpoints, List<EndpointPolicy> beans) {
        return json(endpoints, beans, List.of());
    }

    /**
     * Like {@link #json(List, List)}, with {@code "observed"}: the controls that only observe on every endpoint and
     * bean method ({@code bulwark.observe}), when there are any.
     */
    public static String json(List<Endpoint> endpoints, List<EndpointPolicy> beans, List<String> observed) {
        JsonText json = new JsonText().beginObject().field("count", endpoints.size());
        if (!observed.isEmpty()) {
            json.name("observed").beginArray();
            observed.forEach(json::value);
            json.endArray();
        }
        json.name("endpoints").beginArray();
        for (Endpoint e : endpoints) {
            json.beginObject().field("method", e.httpMethod()).field("path", e.path());
            json.name("consumes").beginArray();
            e.consumes().forEach(json::value);
            json.endArray().name("produces").beginArray();
            e.produces().forEach(json::value);
            json.endArray().field("access", e.access()).name("policies").beginObject();
            e.policies().forEach(json::field);
            json.endObject().field("handler", e.handler()).name("findings").beginArray();
            e.findings().forEach(json::value);
            json.endArray().endObject();
        }
        json.endArray().name("beans").beginArray();
        for (EndpointPolicy b : beans) {
            if (!b.described().isEmpty()) {
                java.util.Map<String, String> others = new java.util.LinkedHashMap<>(b.described());
                String access = others.remove("access");
                json.beginObject().field("handler", b.site().name());
                if (access != null) {
                    json.field("access", access);
                }
                json.name("policies").beginObject();
                others.forEach(json::field);
                json.endObject().endObject();
            }
        }
        return json.endArray().endObject().toString();
    }
}
