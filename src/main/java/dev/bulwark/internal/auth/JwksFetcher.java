package dev.bulwark.internal.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Fetches a JWK Set over HTTP(S) with short timeouts and a size cap. The fetch runs on the HTTP client's own
 * threads: the caller gets a future at once, so no request thread waits for the identity provider unless it
 * chooses to ({@link PublishedKeys} lets only a token with an unknown key wait, bounded).
 */
public final class JwksFetcher implements Supplier<CompletableFuture<String>> {

    private static final int MAX_BYTES = 256 * 1024;

    private final URI location;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public JwksFetcher(URI location) {
        this.location = location;
    }

    @Override
    public CompletableFuture<String> get() {
        HttpRequest request = HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("JWKS endpoint answered " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new IllegalStateException("JWKS larger than " + MAX_BYTES + " bytes");
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        });
    }
}
