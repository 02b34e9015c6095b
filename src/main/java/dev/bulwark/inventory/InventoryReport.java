package dev.bulwark.inventory;

import dev.bulwark.errors.JsonText;
import java.util.List;

/** Renders the inventory as the start-up table and as the JSON the inventory endpoint serves. */
public final class InventoryReport {

    private InventoryReport() {
    }

    public static String table(List<Endpoint> endpoints) {
        String[] headers = {"METHOD", "PATH", "CONSUMES", "PRODUCES", "ACCESS", "HANDLER"};
        int[] width = new int[headers.length];
        String[][] rows = new String[endpoints.size()][];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
        }
        for (int r = 0; r < endpoints.size(); r++) {
            Endpoint e = endpoints.get(r);
            rows[r] = new String[] {e.httpMethod(), e.path(), list(e.consumes()), list(e.produces()), e.access(),
                e.handler()};
            for (int i = 0; i < headers.length; i++) {
                width[i] = Math.max(width[i], rows[r][i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Bulwark endpoint inventory (").append(endpoints.size()).append(" endpoints)\n");
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

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(",", values);
    }

    public static String json(List<Endpoint> endpoints) {
        JsonText json = new JsonText().beginObject().field("count", endpoints.size()).name("endpoints").beginArray();
        for (Endpoint e : endpoints) {
            json.beginObject().field("method", e.httpMethod()).field("path", e.path());
            json.name("consumes").beginArray();
            e.consumes().forEach(json::value);
            json.endArray().name("produces").beginArray();
            e.produces().forEach(json::value);
            json.endArray().field("access", e.access()).field("handler", e.handler()).name("findings").beginArray();
            e.findings().forEach(json::value);
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }
}
