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
 * that is not JSON: the secret as a line of text ({@code text}).
 */
@WebServlet("/servlet/leak/*")
public class LeakServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = req.getPathInfo() == null ? new String[0] : req.getPathInfo().substring(1).split("/");
        if (parts.length != 2 || !PlantedSecrets.BY_KIND.containsKey(parts[1])) {
            resp.sendError(404);
            return;
        }
        String json = "{\"user\":\"alice\",\"apiKey\":" + jakarta.json.Json.createValue(PlantedSecrets.of(parts[1]))
                + ",\"plan\":\"pro\"}";
        switch (parts[0]) {
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
