package dev.bulwark.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A plain servlet writing JSON by hand, as legacy code does: through the writer ({@code /servlet/leak/writer/card})
 * or as bytes with a Content-Length ({@code /servlet/leak/stream/card}), in small pieces; the JSON written before its
 * content type is set ({@code late}); labelled {@code charset=windows-1252} ({@code cp1252}); and a body labelled JSON
 * that is not JSON: the secret as a line of text ({@code text}); UTF-16LE flushed after its first byte
 * ({@code utf16le}) and UTF-32BE after its first three ({@code utf32be}); JSON lines ({@code ndjson}), JSON text
 * sequences ({@code jsonseq}) and server-sent events ({@code sse}), each flushed record by record. The kind
 * {@code clean} plants nothing.
 */
@WebServlet("/servlet/leak/*")
public class LeakServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = req.getPathInfo() == null ? new String[0] : req.getPathInfo().substring(1).split("/");
        if (parts.length != 2 || !PlantedSecrets.BY_KIND.containsKey(parts[1]) && !parts[1].equals("clean")) {
            resp.sendError(404);
            return;
        }
        String secret = parts[1].equals("clean") ? "k-7f3a9c" : PlantedSecrets.of(parts[1]);
        String json = "{\"user\":\"alice\",\"apiKey\":" + jakarta.json.Json.createValue(secret)
                + ",\"plan\":\"pro\"}";
        switch (parts[0]) {
            case "utf16le", "utf32be" -> {
                boolean utf16 = parts[0].equals("utf16le");
                resp.setContentType("application/json;charset=" + (utf16 ? "UTF-16LE" : "UTF-32BE"));
                byte[] bytes = json.getBytes(utf16 ? "UTF-16LE" : "UTF-32BE");
                int first = utf16 ? 1 : 3;
                var out = resp.getOutputStream();
                out.write(bytes, 0, first);
                out.flush();
                out.write(bytes, first, bytes.length - first);
                return;
            }
            case "ndjson", "jsonseq", "sse" -> {
                String type = switch (parts[0]) {
                    case "ndjson" -> "application/x-ndjson";
                    case "jsonseq" -> "application/json-seq";
                    default -> "text/event-stream";
                };
                resp.setContentType(type + ";charset=UTF-8");
                var out = resp.getOutputStream();
                String[] records = {"{\"user\":\"bob\",\"plan\":\"free\"}", json, "{\"user\":\"carol\"}"};
                for (int i = 0; i < records.length; i++) {
                    String record = switch (parts[0]) {
                        case "ndjson" -> records[i] + "\n";
                        case "jsonseq" -> "\u001E" + records[i] + "\n";
                        default -> "id: " + (i + 1) + "\nevent: account\ndata: " + records[i] + "\n\n";
                    };
                    out.write(record.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                return;
            }
            case "late" -> {
                var out = resp.getOutputStream();
                out.write(json.getBytes(StandardCharsets.UTF_8));
                resp.setContentType("application/json");
                return;
            }
            case "cp1252" -> {
                resp.setContentType("application/json; charset=windows-1252");
                resp.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
                return;
            }
            case "text" -> {
                resp.setContentType("application/json");
                resp.getOutputStream().write(("Request failed for alice\n" + PlantedSecrets.of(parts[1])
                        + "\nplan: pro\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            default -> {
                // writer, stream
            }
        }
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        if (parts[0].equals("writer")) {
            var writer = resp.getWriter();
            for (int i = 0; i < json.length(); i += 7) {
                writer.write(json, i, Math.min(7, json.length() - i));
            }
        } else {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            resp.setContentLength(bytes.length);
            var out = resp.getOutputStream();
            for (int i = 0; i < bytes.length; i += 5) {
                out.write(bytes, i, Math.min(5, bytes.length - i));
                out.flush();
            }
        }
    }
}
