package dev.bulwark.internal.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Events and lines for the audit tests. */
final class Events {

    static final long T0 = 1_790_000_000_000L;

    private Events() {
    }

    static JsonObject claims(String sub, String azp, String jti) {
        var b = Json.createObjectBuilder().add("sub", sub).add("iss", "https://issuer.example");
        if (azp != null) {
            b.add("azp", azp);
        }
        if (jti != null) {
            b.add("jti", jti);
        }
        return b.build();
    }

    /** An ordinary served request at {@code millis}. */
    static AuditEvent served(long millis, String client, JsonObject claims, int status, long bytesOut) {
        return new AuditEvent(millis, 1_250_000L, "GET", "GET /app/api/orders/{id}", true, "/app/api/orders/7", status, -1,
                bytesOut, client, claims, null, "curl/8.5.0", "c0ffee", null, null);
    }

    static AuditEvent refused(long millis, String client, JsonObject claims, Refusal refusal, int status) {
        return new AuditEvent(millis, 90_000L, "GET", "GET /app/api/orders/{id}", true, "/app/api/orders/7", status, -1,
                120, client, claims, null, "curl/8.5.0", "c0ffee", null, refusal);
    }

    /** Parses one line as a SIEM would: it must be one JSON object. */
    static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
