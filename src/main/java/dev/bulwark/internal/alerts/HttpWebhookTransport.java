package dev.bulwark.internal.alerts;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The webhook's POST through the JDK's {@link HttpClient}: the configured timeouts, no redirect followed (a 3xx is
 * the receiver refusing), the JVM's trust store and proxy settings; the answer's body is not read.
 */
public final class HttpWebhookTransport implements AlertWebhook.Transport {

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;

    public HttpWebhookTransport(WebhookSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.client = builder.build();
        this.url = settings.url();
        this.timeout = settings.timeout();
    }

    @Override
    public AlertWebhook.Answer post(String body, String token, String id) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Bulwark-Alerts")
                .header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        return new AlertWebhook.Answer(response.statusCode(), response.headers().firstValue("Retry-After")
                .orElse(null));
    }

    /** On Java 21 and later the client is closed (its threads end); before, they end with the client. */
    @Override
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing is in flight: the sender has stopped
            }
        }
    }
}
