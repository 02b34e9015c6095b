package dev.bulwark.it;

import dev.bulwark.api.EgressAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * An application that leaks (the egress check must catch every planted secret, however the JSON is written) next
 * to the legitimate responses that must pass untouched, and the endpoints that return a token on purpose.
 */
@PermitAll
@Path("/leaks")
@Produces(MediaType.APPLICATION_JSON)
public class LeakResource {

    /** A JSON-B entity. */
    public record Payment(String method, String detail) {
    }

    public record Order(String id, List<String> tags, Payment payment, double total) {
    }

    @GET
    @Path("/entity/{kind}")
    public Order entity(@PathParam("kind") String kind) {
        return new Order("3f2b1c9e-8d4a-4b6f-9e2d-1a7c5b3e9f00", List.of("express", "gift"),
                new Payment("card", PlantedSecrets.of(kind)), 149.90);
    }

    /** JSON the application wrote itself, as a String entity. */
    @GET
    @Path("/string/{kind}")
    public String string(@PathParam("kind") String kind) {
        return "{\"status\":\"failed\",\"detail\":" + Json.createValue(PlantedSecrets.of(kind)) + ",\"retry\":true}";
    }

    /** A JSON-P object. */
    @GET
    @Path("/object/{kind}")
    public JsonObject object(@PathParam("kind") String kind) {
        return Json.createObjectBuilder().add("items", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("note", "first"))
                .add(Json.createObjectBuilder().add("note", PlantedSecrets.of(kind)))).build();
    }

    /** A response of about {@code kb} KB with the secret at its end, streamed in pieces of 512 bytes. */
    @GET
    @Path("/large/{kind}/{kb}")
    public StreamingOutput large(@PathParam("kind") String kind, @PathParam("kb") int kb) {
        StringBuilder json = new StringBuilder("{\"rows\":[");
        for (int i = 0; json.length() < kb * 1024; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"row ").append(i)
                    .append("\",\"updated\":\"2026-11-30T19:00:00Z\"}");
        }
        byte[] bytes = json.append("],\"last\":").append(Json.createValue(PlantedSecrets.of(kind))).append('}')
                .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return out -> {
            for (int i = 0; i < bytes.length; i += 512) {
                out.write(bytes, i, Math.min(512, bytes.length - i));
            }
        };
    }

    /**
     * The {@link #string} response, resumed from another thread after the request went asynchronous (no
     * {@code @Produces} of its own: the class's); {@code clean} returns {@link #LEGITIMATE}.
     */
    @GET
    @Path("/async/{kind}")
    public void async(@PathParam("kind") String kind, @Suspended AsyncResponse response) {
        java.util.concurrent.CompletableFuture.runAsync(
                () -> response.resume("clean".equals(kind) ? LEGITIMATE : string(kind)),
                java.util.concurrent.CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    /** Real-world values that must leave as they are. */
    @GET
    @Path("/legitimate")
    public String legitimate() {
        return LEGITIMATE;
    }

    /** An OAuth-style token endpoint: returning a JWS is its job. */
    @POST
    @Path("/token")
    @EgressAllowed(kinds = EgressAllowed.Kind.TOKEN)
    public JsonObject token() {
        return Json.createObjectBuilder().add("access_token", PlantedSecrets.JWS).add("token_type", "Bearer")
                .add("expires_in", 300).build();
    }

    /** Allowed tokens, but not keys: the key is still removed. */
    @POST
    @Path("/token-and-key")
    @EgressAllowed(kinds = EgressAllowed.Kind.TOKEN)
    public JsonObject tokenAndKey() {
        return Json.createObjectBuilder().add("access_token", PlantedSecrets.JWS).add("debug", PlantedSecrets.AWS)
                .build();
    }

    public static final String LEGITIMATE = "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\","
            + "\"createdAt\":\"2026-11-30T19:00:00.123+01:00\",\"orderNumber\":\"8061234567890123\","
            + "\"customerId\":1234567890123456789,\"accountNumber\":\"1234567890123456789\","
            + "\"phone\":\"+1 415 555 2671\",\"iban\":\"DE89 3704 0044 0532 0130 00\",\"version\":\"2.14.3\","
            + "\"host\":\"api.example.com\",\"total\":\"1234.56\",\"currency\":\"EUR\",\"reference\":\"a.b.c\","
            + "\"name\":\"مرحبا بالعالم\",\"city\":\"Zürich\",\"emoji\":\"\uD83D\uDE00\","
            + "\"luhnNoScheme\":\"1234567812345670\",\"notLuhn\":\"4111111111111112\","
            + "\"avatar\":\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
            + "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\",\"message\":\"An exception occurred; please retry.\","
            + "\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\\n-----END PUBLIC KEY-----\"}";
}
