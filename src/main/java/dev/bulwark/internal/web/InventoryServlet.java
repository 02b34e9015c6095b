package dev.bulwark.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serves the endpoint inventory as JSON to the admin role. Registered only when enabled in config. */
final class InventoryServlet extends AdminServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] json;

    InventoryServlet(String json, String role) {
        super(role);
        this.json = json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, "application/json", json);
    }
}
