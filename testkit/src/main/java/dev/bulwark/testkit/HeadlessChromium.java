package dev.bulwark.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a java.net.http WebSocket): the tests set
 * request headers (a bearer token) that {@code --dump-dom} cannot, load a page, and read the DOM the browser
 * rendered. Installs the {@code chromium} package when it is missing (apt-get, as root); without apt the test is
 * skipped with a message saying so. Used by this project's browser tests (the posture page on the integration-test
 * server and on the demo); the security test kit of issue 20 is to grow around it.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();

    private HeadlessChromium(Process process, Path profile, WebSocket.Builder builder, URI page)
            throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = builder.buildAsync(page, new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Starts a headless browser with one blank page (installing Chromium first when it is missing). */
    public static HeadlessChromium start() throws Exception {
        String binary = binary();
        Path profile = Files.createTempDirectory("bulwark-chromium");
        Process process = new ProcessBuilder(binary, "--headless", "--disable-gpu", "--no-sandbox",
                "--ignore-certificate-errors", "--no-first-run", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not open its DevTools port: "
                        + Files.readString(profile.resolve("chromium.log")));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        URI page = Json.createReader(new StringReader(list)).readArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("type").equals("page")).map(t -> URI.create(t.getString(
                        "webSocketDebuggerUrl"))).findFirst().orElseThrow();
        return new HeadlessChromium(process, profile, http.newWebSocketBuilder(), page);
    }

    /** The chromium binary, installed with apt-get when missing; skips the test when it cannot be. */
    private static String binary() throws IOException, InterruptedException {
        return DebianPackages.require("chromium", "chromium", "chromium-browser");
    }

    /** What loading a page gave: the document's HTTP status and headers, and the DOM as the browser built it. */
    public record Page(int status, JsonObject headers, String dom) {
    }

    /** Loads the URL with the extra request headers (none: an empty map), once the page's load event fires. */
    public Page load(String url, Map<String, String> headers) throws Exception {
        send("Network.enable", JsonValue.EMPTY_JSON_OBJECT);
        send("Page.enable", JsonValue.EMPTY_JSON_OBJECT);
        var h = Json.createObjectBuilder();
        headers.forEach(h::add);
        send("Network.setExtraHTTPHeaders", Json.createObjectBuilder().add("headers", h).build());
        events.clear();
        send("Page.navigate", Json.createObjectBuilder().add("url", url).build());
        JsonObject document = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonObject event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("the page did not load: " + url);
            }
            String method = event.getString("method", "");
            if (method.equals("Network.responseReceived") && document == null
                    && event.getJsonObject("params").getString("type", "").equals("Document")) {
                document = event.getJsonObject("params").getJsonObject("response");
            }
            if (method.equals("Page.loadEventFired")) {
                break;
            }
        }
        String dom = evaluate("document.documentElement.outerHTML");
        return new Page(document == null ? -1 : document.getInt("status"), document == null
                ? JsonValue.EMPTY_JSON_OBJECT : document.getJsonObject("headers"), dom);
    }

    /** The value of a JavaScript expression in the page (a string). */
    public String evaluate(String expression) throws Exception {
        JsonObject result = send("Runtime.evaluate", Json.createObjectBuilder().add("expression", expression)
                .add("returnByValue", true).build());
        return result.getJsonObject("result").getJsonObject("result").getString("value");
    }

    private JsonObject send(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(Json.createObjectBuilder().add("id", id).add("method", method).add("params", params).build()
                .toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonObject reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (reply.containsKey("error")) {
            throw new IllegalStateException(method + ": " + reply.getJsonObject("error"));
        }
        return reply;
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a file the exiting browser still writes: the temporary directory is left behind
        }
    }

    /** Collects each message (in parts when long): replies complete their request, events are queued. */
    private final class Listener implements WebSocket.Listener {

        private final List<CharSequence> parts = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.add(data);
            if (last) {
                String text = String.join("", parts);
                parts.clear();
                JsonObject message = Json.createReader(new StringReader(text)).readObject();
                if (message.containsKey("id")) {
                    CompletableFuture<JsonObject> f = pending.remove(message.getInt("id"));
                    if (f != null) {
                        f.complete(message);
                    }
                } else {
                    events.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
