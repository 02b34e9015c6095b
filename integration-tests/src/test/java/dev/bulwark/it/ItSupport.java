package dev.bulwark.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.devtools.DevTls;
import dev.bulwark.devtools.DevTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** HTTP, token and server-log helpers shared by the integration tests. */
final class ItSupport {

    /** How long the applications may take to start: minutes on a machine shared by several builds. */
    private static final Duration START_WAIT = Duration.ofSeconds(Long.getLong("it.start.wait.seconds", 900));
    /** HTTPS base URL (every test talks TLS unless it is about plain HTTP). */
    static final String BASE = System.getProperty("it.base.url", "https://localhost:9543");
    /** Plain-HTTP base URL, for the HTTPS-only tests. */
    static final String HTTP = System.getProperty("it.http.url", "http://localhost:9180");
    static final int HTTPS_PORT = Integer.getInteger("it.https.port", 9543);
    /** The server's own endpoints (Health, Metrics): loopback, TLS only (liberty-config/bulwark-management.xml). */
    static final String MANAGEMENT = System.getProperty("it.management.url", "https://localhost:9545");
    /** The test server's one user that may read /metrics. */
    static final String METRICS_READER = "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("metrics-reader:" + System.getProperty("it.metrics.password", "metrics-test-only"))
                    .getBytes(StandardCharsets.UTF_8));
    static final Path LOG = Path.of(System.getProperty("it.log", "messages.log"));
    static final Path KEYS = Path.of(System.getProperty("it.keys", "target/keys"));
    static final String ISSUER = "https://issuer.bulwark.test";
    static final String AUDIENCE = "bulwark-it";
    /** The server under test: "liberty" (this module's build), or another runtime's module (runtimes/*). */
    private static final String RUNTIME = System.getProperty("it.runtime", "liberty");

    /** Text that must never reach a client: exception types, stack frames, SQL, secrets, product names. */
    static final List<String> LEAKS = List.of("exception", "java.", "jakarta.", "org.", "com.", "\tat ", "select ",
            "hunter2", "jdbc", "liberty", "websphere", "srve", "cwwk", "resteasy", "yasson", "password", "secret",
            "passwd", "db.internal", "nested detail", "abc123", "lockmanager", "servlet/", "open liberty");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).sslContext(DevTls.trustAllContext()).build();

    static {
        awaitApplications();
    }

    private ItSupport() {
    }

    /** The runtime the tests run against: {@code liberty} unless the build says otherwise ({@code it.runtime}). */
    static String runtime() {
        return RUNTIME;
    }

    /** True on the build's Open Liberty servers, which also have the Liberty-only deployments and the second node. */
    static boolean onLiberty() {
        return RUNTIME.equals("liberty");
    }

    /**
     * The build starts the tests once the servers report "started", while their applications may still be
     * deploying (slowly on a busy machine): wait, bounded, until every application the tests call answers.
     */
    private static void awaitApplications() {
        String node2 = System.getProperty("it.node2.url", "https://localhost:9544");
        List<String> pending = new java.util.ArrayList<>(!onLiberty() ? List.of(BASE + "/it")
                : List.of(BASE + "/it", BASE + "/it-proxy", BASE + "/it-redis", BASE + "/it-kc", BASE + "/it-flood",
                        BASE + "/it-egress", node2 + "/it-redis"));
        String deployed = System.getProperty("it.await");
        if (deployed != null) {
            // another runtime deploys only some of Liberty's applications (context roots, comma-separated)
            pending = new java.util.ArrayList<>(java.util.Arrays.stream(deployed.split(",")).map(String::strip)
                    .map(root -> BASE + root).toList());
        }
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf(app -> {
                try {
                    return CLIENT.send(HttpRequest.newBuilder(URI.create(app + "/api/errors/ok"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("applications not started after " + START_WAIT + ": " + pending);
        }
    }

    /** Waits (bounded) until one more application ({@code /it-versions}) answers. */
    static void awaitApplication(String contextRoot) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (get(contextRoot + "/api/errors/ok").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(contextRoot + " not started after " + START_WAIT);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static HttpResponse<String> send(String method, String path, String body, String... headers) {
        return sendTo(BASE, method, path, body, headers);
    }

    /** Sends to a given base URL ({@link #BASE} or {@link #HTTP}). */
    static HttpResponse<String> sendTo(String base, String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /**
     * Asserts the whole error contract on one response: status, problem+json, the RFC 9457 members with generic
     * text, a correlation id equal to the X-Request-Id header, and nothing leaked in the body or any header.
     */
    static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", response.uri())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = json(response.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isNotBlank();
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        String correlationId = problem.getString("correlationId");
        assertThat(correlationId).matches("[A-Za-z0-9._-]{1,64}");
        assertThat(problem.getString("instance")).isEqualTo("urn:bulwark:request:" + correlationId);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(correlationId);
        assertNoLeaks(response);
        return problem;
    }

    static void assertNoLeaks(HttpResponse<String> response) {
        Map<String, List<String>> headers = response.headers().map();
        assertThat(headers.keySet()).as("response headers of %s", response.uri())
                .noneMatch(h -> h.equalsIgnoreCase("server") || h.equalsIgnoreCase("x-powered-by")
                        || h.toLowerCase(Locale.ROOT).contains("exception"));
        String everything = (response.body() + "\n" + headers.entrySet().stream()
                .filter(e -> e.getKey() != null)
                .map(e -> e.getKey() + ": " + String.join(",", e.getValue()))
                .collect(Collectors.joining("\n"))).toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            assertThat(everything).as("%s leaks '%s'", response.uri(), leak).doesNotContain(leak);
        }
    }

    /** Waits (bounded) until the server log holds a line matching all fragments, and returns the log text from it. */
    static String awaitLog(String... fragments) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            String log = readLog();
            for (String line : log.split("\n")) {
                boolean all = true;
                for (String f : fragments) {
                    all &= line.contains(f);
                }
                if (all) {
                    return log.substring(log.indexOf(line));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line in " + LOG + " contains all of " + List.of(fragments));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String readLog() {
        try {
            return Files.readString(LOG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops or starts the build's redis-server ({@code it.redis.script}); {@code command} is stop or start. */
    static void redis(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = command.equals("start")
                ? new ProcessBuilder("bash", System.getProperty("it.redis.script"), "start",
                        System.getProperty("it.redis.bin"), System.getProperty("it.redis.port"),
                        System.getProperty("it.redis.run"))
                : new ProcessBuilder("bash", System.getProperty("it.redis.script"), "stop",
                        System.getProperty("it.redis.run"));
        Process p = pb.inheritIO().start();
        assertThat(p.waitFor()).as("redis.sh " + command).isZero();
    }

    /**
     * A configuration drop-in deploying the test WAR once more at {@code root} with these application properties, on
     * the server whose messages.log is {@code log} (the application starts, or fails, on the running server).
     */
    static Path dropIn(Path log, String name, String root, String... properties) throws IOException {
        StringBuilder xml = new StringBuilder("<server>\n  <webApplication id=\"" + name + "\" name=\"" + name
                + "\" location=\"bulwark-it.war\" contextRoot=\"" + root + "\">\n"
                + "    <classloader privateLibraryRef=\"h2\"/>\n    <appProperties>\n");
        for (int i = 0; i < properties.length; i += 2) {
            xml.append("      <property name=\"").append(properties[i]).append("\" value=\"")
                    .append(properties[i + 1]).append("\"/>\n");
        }
        xml.append("    </appProperties>\n  </webApplication>\n</server>\n");
        Path dir = log.toAbsolutePath().getParent().getParent().resolve("configDropins/overrides");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    /** Waits (up to two minutes: a loaded machine) until the log read by {@code log} holds more such lines. */
    static void awaitMoreLines(java.util.function.Supplier<String> log, String fragment, long before)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (log.get().lines().filter(l -> l.contains(fragment)).count() <= before) {
            assertThat(System.nanoTime()).as("waiting for a log line with " + fragment).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    static long countLogLines(String fragment) {
        return readLog().lines().filter(l -> l.contains(fragment)).count();
    }

    static String tokenWithScopes(String subject, String scope, String... groups) {
        try {
            return DevTokens.mintToken(KEYS.resolve(DevTokens.PRIVATE_KEY_FILE), ISSUER, AUDIENCE, subject,
                    List.of(groups), scope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(String subject, String... groups) {
        try {
            return DevTokens.mintToken(KEYS.resolve(DevTokens.PRIVATE_KEY_FILE), ISSUER, AUDIENCE, subject,
                    List.of(groups), "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
