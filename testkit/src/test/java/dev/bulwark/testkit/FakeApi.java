package dev.bulwark.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.devtools.DevTokens;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Identities;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.Probe;
import dev.bulwark.testkit.engine.ScanContext;
import dev.bulwark.testkit.engine.Tls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP API for the kit's unit tests (the JDK's HttpServer on a loopback port): routes by method and path
 * regex, each answering from the request; every request is kept. Tokens are the kit's own minted RS256 tokens; the
 * fake reads (does not verify) their payload, so {@link Call#subject()} and {@link Call#roles()} say who called.
 */
public final class FakeApi implements AutoCloseable {

    /** One request as the fake API saw it. */
    public record Call(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The bearer token's payload, when there is a well-formed one. */
        public Optional<jakarta.json.JsonObject> claims() {
            String auth = header("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                return Optional.empty();
            }
            String[] parts = auth.substring(7).split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]),
                        StandardCharsets.UTF_8)).asJsonObject());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        public String subject() {
            return claims().map(c -> c.getString("sub", null)).orElse(null);
        }

        public List<String> roles() {
            return claims().map(c -> Json.strings(c.get("groups"))).orElse(List.of());
        }
    }

    /** An answer: status, headers, body (JSON unless a Content-Type header says otherwise). */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), "");
        }

        public Answer with(String header, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(header, value);
            return new Answer(status, all, body);
        }
    }

    private record Route(String method, Pattern path, Function<Matcher, Function<Call, Answer>> handler) {
    }

    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private Function<Call, Answer> fallback = c -> Answer.json(404, "{\"title\":\"Not Found\"}");

    static {
        // The JDK server otherwise leaves Nagle on: about 40 ms of delayed-ACK wait per small answer on loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code method} requests whose path matches {@code regex} (groups readable by the handler). */
    public FakeApi on(String method, String regex, java.util.function.BiFunction<Matcher, Call, Answer> handler) {
        routes.add(new Route(method, Pattern.compile(regex), m -> c -> handler.apply(m, c)));
        return this;
    }

    /** What every unmatched request gets (404 JSON by default). */
    public FakeApi otherwise(Function<Call, Answer> answer) {
        this.fallback = answer;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(x.getRequestMethod(), x.getRequestURI().getRawPath(), x.getRequestURI().getRawQuery(),
                Map.copyOf(x.getRequestHeaders()), body);
        calls.add(call);
        Answer answer = null;
        for (Route r : routes) {
            Matcher m = r.path.matcher(call.path());
            if (r.method.equalsIgnoreCase(call.method()) && m.matches()) {
                answer = r.handler.apply(m).apply(call);
                break;
            }
        }
        if (answer == null) {
            answer = fallback.apply(call);
        }
        answer.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The key pair the tests mint with, made once per test run (RSA key generation is what makes tests slow). */
    private static final class SharedKey {
        static final Path DIR = make();

        private static Path make() {
            try {
                Path dir = Files.createTempDirectory("bulwark-kit-key");
                DevTokens.keygen(dir, true);
                dir.toFile().deleteOnExit();
                dir.resolve(DevTokens.PRIVATE_KEY_FILE).toFile().deleteOnExit();
                dir.resolve(DevTokens.PUBLIC_KEY_FILE).toFile().deleteOnExit();
                return dir;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The tests' RSA key pair copied into {@code dir} (private.pem, public.pem) for the kit to mint with. */
    public static Path key(Path dir) {
        try {
            for (String f : List.of(DevTokens.PRIVATE_KEY_FILE, DevTokens.PUBLIC_KEY_FILE)) {
                Files.copy(SharedKey.DIR.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return dir.resolve(DevTokens.PRIVATE_KEY_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for this fake API with minted identities (users: {@code customer}; admin: {@code admin}). */
    public ScanSettings.Builder settings(Path keyDir) {
        return ScanSettings.builder(baseUrl()).requestsPerSecond(1000).timeout(Duration.ofSeconds(5))
                .mint(new ScanSettings.Minting(key(keyDir), "https://issuer.test", "api", List.of("customer"), "",
                        List.of("admin"), ""));
    }

    /** A scan context over this fake API and {@code model}, no pacing; for running one check in a unit test. */
    public ScanContext context(ScanSettings settings, ApiModel model) {
        try {
            Probe probe = new Probe(settings.baseUrl(), Tls.context(true, null), settings.requestsPerSecond(),
                    settings.maxRequests(), settings.allowDestructive(), settings.timeout(), settings.clock(),
                    d -> { });
            return new ScanContext(settings, model, Identities.of(settings), probe, Tls.context(true, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject of the kit's minted token for an identity name ({@code user1} is {@code bulwark-kit-user1}). */
    public static String subjectOf(Identity who) {
        return "bulwark-kit-" + who.name();
    }
}
