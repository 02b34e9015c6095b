package dev.bulwark.testkit.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Sends the kit's requests: at most {@code requestsPerSecond}, at most {@code maxRequests} in a scan (then
 * {@link BudgetExhausted}), never a destructive method (DELETE) unless allowed, HTTP/1.1, no redirects followed,
 * bodies read up to 256 KiB. Every exchange is kept for the checks that look at all responses (headers, leaks).
 */
public final class Probe {

    /** Thrown when the scan's request budget is spent: the checks stop, the report says so. */
    public static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted(int max) {
            super("the scan's request budget (" + max + " requests) is spent");
        }
    }

    /** Waits between requests; the real one sleeps, tests pass one that only advances their clock. */
    public interface Pacer {
        void pause(Duration d) throws InterruptedException;
    }

    static final int MAX_RETRY_AFTER_SECONDS = 30;
    static final int MAX_TOTAL_WAIT_SECONDS = 180;
    private static final int MAX_BODY = 256 * 1024;
    static final int MAX_DOCUMENT = 32 * 1024 * 1024;
    private static final Set<String> DESTRUCTIVE = Set.of("DELETE");

    private final URI base;
    private final HttpClient client;
    private final Clock clock;
    private final Pacer pacer;
    private final Duration interval;
    private final int maxRequests;
    private final boolean allowDestructive;
    private final Duration timeout;
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> otherHosts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private long nextAt;
    private long waited;
    private int sent;

    public Probe(URI base, SSLContext tls, double requestsPerSecond, int maxRequests, boolean allowDestructive,
                 Duration timeout, Clock clock, Pacer pacer) {
        this.base = base;
        SSLParameters params = new SSLParameters();
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .sslParameters(params).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.clock = clock;
        this.pacer = pacer;
        this.interval = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
        this.maxRequests = maxRequests;
        this.allowDestructive = allowDestructive;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    /** The base URL's path without a trailing slash ({@code ""} for the root). */
    public String basePath() {
        String p = base.getRawPath() == null ? "" : base.getRawPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    public boolean allows(String method) {
        return allowDestructive || !DESTRUCTIVE.contains(method.toUpperCase(Locale.ROOT));
    }

    public int sent() {
        return sent;
    }

    public int budgetLeft() {
        return maxRequests - sent;
    }

    /** Every exchange so far, in order. */
    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** The absolute URL of a target: absolute ones as they are, others under the base URL's origin. */
    public URI resolve(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return URI.create(target);
        }
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + (target.startsWith("/") ? "" : "/")
                + target);
    }

    /**
     * Sends one request (paced, counted); a transport failure comes back as an exchange with status -1. A 429 with a
     * {@code Retry-After} of at most {@value #MAX_RETRY_AFTER_SECONDS} seconds is waited out and the request sent
     * again (at most twice, and {@value #MAX_TOTAL_WAIT_SECONDS} seconds of such waits per scan), so a protected
     * API's own rate limits do not turn the scan's later requests into 429s that prove nothing.
     */
    public Exchange send(Request request) {
        Exchange x = sendOnce(request);
        for (int retry = 0; retry < 2 && x.status() == 429; retry++) {
            long wait = retryAfterSeconds(x.header("Retry-After"));
            if (wait < 0 || wait > MAX_RETRY_AFTER_SECONDS || waited + wait > MAX_TOTAL_WAIT_SECONDS) {
                break;
            }
            waited += Math.max(wait, 1);
            try {
                pacer.pause(Duration.ofSeconds(Math.max(wait, 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            x = sendOnce(request);
        }
        return x;
    }

    /** The seconds of a {@code Retry-After} given in seconds, or -1 (absent, a date, garbage). */
    static long retryAfterSeconds(String value) {
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return -1;
        }
        return Long.parseLong(value.trim());
    }

    /** Sends one request exactly once: a 429 comes back as it is (the rate-limit check wants to see them). */
    public Exchange sendOnce(Request request) {
        return sendOnce(request, MAX_BODY);
    }

    /**
     * Reads a document the scan starts from (the inventory, the OpenAPI document): like {@link #send}, its body read
     * up to {@value #MAX_DOCUMENT} bytes (a server's merged OpenAPI document runs to megabytes), and not kept among
     * the exchanges the checks look at.
     */
    public Exchange fetchDocument(Request request) {
        Exchange x = sendOnce(request, MAX_DOCUMENT);
        exchanges.remove(x);
        return x;
    }

    /**
     * True when {@code url} is on the target's host (any scheme and port: the plain-HTTP origin of the transport check
     * is the same host). Requests elsewhere (an absolute URL in an inventory or OpenAPI document, a {@code Location}
     * header naming another host) are never sent: they would carry the callers' tokens off the target.
     */
    public boolean onTarget(URI url) {
        String where = hostPort(url);
        return where != null && (where.equals(hostPort(base)) || where.equals(hostPort(httpOf(base)))
                || otherHosts.contains(where));
    }

    /** Also sends to {@code url}'s host and port: the plain-HTTP origin the settings name ({@code --http-url}). */
    public void alsoOnTarget(URI url) {
        String where = hostPort(url);
        if (where != null) {
            otherHosts.add(where);
        }
    }

    /** {@code host:port} of a URL, the port made explicit; null without a host. */
    private static String hostPort(URI url) {
        if (url == null || url.getHost() == null) {
            return null;
        }
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The plain-HTTP twin the transport check uses without {@code --http-url}: {@code http:} on the same port. */
    private static URI httpOf(URI base) {
        return base.getPort() == -1 && "https".equalsIgnoreCase(base.getScheme())
                ? URI.create("http://" + base.getHost()) : base;
    }

    private Exchange sendOnce(Request request, int maxBody) {
        if (!allows(request.method())) {
            throw new IllegalStateException(request.method() + " is destructive: enable destructive methods to send it");
        }
        URI url;
        try {
            url = resolve(request.target());
        } catch (IllegalArgumentException e) {
            Exchange bad = new Exchange(request, request.target(), -1, Map.of(), "", "not sendable: " + e.getMessage());
            exchanges.add(bad);
            return bad;
        }
        if (maxBody != MAX_DOCUMENT && !onTarget(url)) {
            Exchange off = new Exchange(request, url.toString(), -1, Map.of(), "", "not sent: " + url.getHost()
                    + " is not the target " + base.getRawAuthority());
            exchanges.add(off);
            return off;
        }
        pace();
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout);
        boolean authorization = false;
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
            authorization |= h.getKey().equalsIgnoreCase("Authorization");
        }
        if (!authorization && request.identity().token() != null) {
            b.header("Authorization", "Bearer " + request.identity().token());
        }
        b.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        Exchange exchange;
        try {
            HttpResponse<java.io.InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes = readBounded(r.body(), maxBody + 1);
            if (bytes.length > maxBody && maxBody == MAX_DOCUMENT) {
                exchange = new Exchange(request, url.toString(), -1, r.headers().map(), "",
                        "the document is longer than " + MAX_DOCUMENT + " bytes");
                exchanges.add(exchange);
                return exchange;
            }
            int n = Math.min(bytes.length, maxBody);
            exchange = new Exchange(request, url.toString(), r.statusCode(), r.headers().map(),
                    new String(bytes, 0, n, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            exchange = new Exchange(request, url.toString(), -1, Map.of(), "", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (IllegalArgumentException e) {
            // The JDK client refuses some header values and names outright (CR/LF, restricted names).
            exchange = new Exchange(request, url.toString(), -1, Map.of(), "", "not sendable: " + e.getMessage());
        }
        exchanges.add(exchange);
        return exchange;
    }

    /**
     * At most {@code limit} bytes of a body, read within the request timeout: an endless or dripping body is cut
     * (its connection closed) instead of filling the heap or holding the scan.
     */
    private byte[] readBounded(java.io.InputStream in, int limit) throws IOException {
        java.util.concurrent.CompletableFuture<byte[]> read = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                read.complete(in.readNBytes(limit));
            } catch (IOException | RuntimeException e) {
                read.completeExceptionally(new java.io.UncheckedIOException(e instanceof IOException io ? io
                        : new IOException(e)));
            }
        }, "bulwark-kit-body");
        reader.setDaemon(true);
        reader.start();
        try {
            return read.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            reader.interrupt();
            throw new java.net.http.HttpTimeoutException("the body did not arrive within " + timeout.toSeconds()
                    + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause()
                    : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            in.close();
        }
    }

    /** Counts a request sent by other means (a raw socket) against the budget and the pace. */
    public void charge() {
        pace();
    }

    private synchronized void pace() {
        if (sent >= maxRequests) {
            throw new BudgetExhausted(maxRequests);
        }
        sent++;
        long now = clock.millis() * 1_000_000L;
        long wait = nextAt - now;
        if (wait > 0) {
            try {
                pacer.pause(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        nextAt = Math.max(now, nextAt) + interval.toNanos();
    }
}
