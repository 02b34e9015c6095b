package dev.bulwark.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Fetches a JWK Set over HTTP(S) with short timeouts and a size cap. */
public final class JwksFetcher implements Supplier<String> {

    private static final int MAX_BYTES = 256 * 1024;

    private final URI location;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public JwksFetcher(URI location) {
        this.location = location;
    }

    @Override
    public String get() {
        HttpRequest request = HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("JWKS endpoint answered " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new IllegalStateException("JWKS larger than " + MAX_BYTES + " bytes");
            }
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
