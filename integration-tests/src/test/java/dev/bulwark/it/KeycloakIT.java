package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Keycloak 26 (started by the build from Maven Central, realm imported from src/test/keycloak) as the
 * identity provider; Liberty validates its tokens through the realm's JWKS endpoint ({@code /it-kc}). A test that
 * cannot reach Keycloak fails: it never skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    private static final String SECURE = "/it-kc/api/secure";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String keycloak;
    private Properties secrets;

    @BeforeAll
    void load() throws IOException {
        secrets = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("it.keycloak.properties")))) {
            secrets.load(in);
        }
        keycloak = secrets.getProperty("keycloak.url");
    }

    private JsonObject post(String path, Map<String, String> form, String bearer) throws Exception {
        HttpResponse<String> r = postRaw(path, form, bearer);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? null : json(r.body());
    }

    private HttpResponse<String> postRaw(String path, Map<String, String> form, String bearer) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(keycloak + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String jsonBody) throws Exception {
        String token = post("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin",
                "password", secrets.getProperty("keycloak.admin.password")), null).getString("access_token");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/bulwark" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String clientCredentials() throws Exception {
        return post("/realms/bulwark/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", "bulwark-service", "client_secret", secrets.getProperty("keycloak.client.secret")), null)
                .getString("access_token");
    }

    private static String kid(String token) {
        return json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8))
                .getString("kid");
    }

    private static HttpResponse<String> call(String path, String token) {
        return send("GET", path, null, "Authorization", "Bearer " + token);
    }

    @Test
    @Order(1)
    void clientCredentialsTokensAreAccepted() throws Exception {
        String token = clientCredentials();
        HttpResponse<String> r = call(SECURE, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).getString("sub")).isEqualTo("service-account-bulwark-service");
        // The same token means nothing to an application that trusts another issuer and key.
        assertProblem(call("/it/api/secure", token), 401);
    }

    @Test
    @Order(2)
    void aReusedRefreshTokenIsRefused() throws Exception {
        Map<String, String> login = Map.of("grant_type", "password", "client_id", "bulwark-web",
                "username", "alice", "password", secrets.getProperty("keycloak.alice.password"), "scope", "openid");
        JsonObject first = post("/realms/bulwark/protocol/openid-connect/token", login, null);
        assertThat(call(SECURE, first.getString("access_token")).statusCode()).isEqualTo(200);
        String refresh1 = first.getString("refresh_token");

        JsonObject second = post("/realms/bulwark/protocol/openid-connect/token", Map.of("grant_type",
                "refresh_token", "client_id", "bulwark-web", "refresh_token", refresh1), null);
        assertThat(second.getString("refresh_token")).isNotEqualTo(refresh1);
        assertThat(call(SECURE, second.getString("access_token")).statusCode()).isEqualTo(200);

        HttpResponse<String> reuse = postRaw("/realms/bulwark/protocol/openid-connect/token", Map.of("grant_type",
                "refresh_token", "client_id", "bulwark-web", "refresh_token", refresh1), null);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(json(reuse.body()).getString("error")).isEqualTo("invalid_grant");

        // An ID token is not an access token, even from the right issuer with the right key.
        if (first.containsKey("id_token")) {
            assertProblem(call(SECURE, first.getString("id_token")), 401);
        }
        // Nor is a refresh token.
        assertProblem(call(SECURE, second.getString("refresh_token")), 401);
    }

    @Test
    @Order(3)
    void signingKeysRotateWithoutRestartingLiberty() throws Exception {
        String before = clientCredentials();
        assertThat(call(SECURE, before).statusCode()).isEqualTo(200);

        JsonArray components = json("{\"c\":" + admin("GET", "/components?type=org.keycloak.keys.KeyProvider", null)
                .body() + "}").getJsonArray("c");
        List<String> oldRsa = new ArrayList<>();
        for (JsonObject c : components.getValuesAs(JsonObject.class)) {
            if (c.getString("providerId").equals("rsa-generated")) {
                oldRsa.add(c.getString("id"));
            }
        }
        assertThat(oldRsa).isNotEmpty();
        String realmId = json(admin("GET", "", null).body()).getString("id");
        Map<String, Object> provider = new LinkedHashMap<>();
        HttpResponse<String> created = admin("POST", "/components", "{\"name\":\"rotated-rsa\",\"providerId\":"
                + "\"rsa-generated\",\"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"" + realmId
                + "\",\"config\":{\"priority\":[\"500\"],\"keySize\":[\"2048\"],\"algorithm\":[\"RS256\"]}}");
        assertThat(created.statusCode()).as(created.body() + provider).isEqualTo(201);

        String after = clientCredentials();
        assertThat(kid(after)).isNotEqualTo(kid(before));
        HttpResponse<String> fresh = call(SECURE, after);
        assertThat(fresh.statusCode()).as("a token of the new key, no Liberty restart").isEqualTo(200);

        for (String id : oldRsa) {
            assertThat(admin("DELETE", "/components/" + id, null).statusCode()).isEqualTo(204);
        }
        // The next check starts a refresh of the published keys and, its kid being known, is answered from the set
        // it knows (known kids never wait for the identity provider); once the refresh is in, the old key is gone.
        HttpResponse<String> retired = call(SECURE, before);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (retired.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            retired = call(SECURE, before);
        }
        assertProblem(retired, 401);
        assertThat(call(SECURE, clientCredentials()).statusCode()).isEqualTo(200);
    }
}
