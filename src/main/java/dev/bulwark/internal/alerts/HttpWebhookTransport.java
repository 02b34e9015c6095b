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
    /** The connection and the answer, body included. */
    private final Duration whole;

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
        this.whole = settings.connectTimeout().plus(settings.timeout());
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
        // the request's timeout ends once the headers are in: the whole exchange, the answer's body included, is
        // bounded here, or a receiver that stalls in its body would hold the one sender thread for ever
        java.util.concurrent.CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> response;
        try {
            response = exchange.get(whole.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new java.net.http.HttpTimeoutException("no whole answer within " + whole.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("webhook exchange failed", e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
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
