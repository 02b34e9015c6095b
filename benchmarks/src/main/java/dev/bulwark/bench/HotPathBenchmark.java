package dev.bulwark.bench;

import dev.bulwark.internal.auth.BearerCredentials;
import dev.bulwark.internal.auth.InMemoryTokenDenyList;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.auth.TokenPolicy;
import dev.bulwark.internal.auth.VerifiedTokens;
import dev.bulwark.internal.auth.TokenRejected;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.correlation.CorrelationIds;
import dev.bulwark.internal.headers.HeaderWriters;
import dev.bulwark.internal.headers.ResponseFacts;
import dev.bulwark.internal.headers.ResponseHeaders;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.validation.JsonScanner;
import dev.bulwark.internal.validation.JsonViolation;
import dev.bulwark.internal.validation.Shape;
import dev.bulwark.internal.validation.TypeShapes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The work Bulwark adds to every request, one hot path per benchmark, with Bulwark's default settings: the token
 * policy on a mainstream RS256 access token (everything but the signature, which the container verifies), the JSON
 * body scan of a typical order, the security headers of a JSON response, and a correlation id. Run with
 * {@code -prof gc} for the allocation per operation. A regression shows up here in numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

    /** An order as a client posts it: nested object, array, strings with non-ASCII text, numbers. */
    public record Line(String sku, int quantity, String note) {
    }

    /** The body's Java type. */
    public record Order(String customer, String currency, List<Line> lines, String comment) {
    }

    private TokenGate gate;
    private TokenGate gateKeeping;
    private String token;
    private char[] tokenChars;
    private JsonScanner scanner;
    private Shape orderShape;
    private byte[] body;
    private HeaderWriters headers;
    private ResponseFacts facts;
    private CorrelationIds correlationIds;
    private BearerCredentials credentials;
    private char[] authorizationChars;
    private List<RequestState.Key<String>> stateKeys;

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, String> properties = Map.of("mp.jwt.verify.publickey.location", "/keys/public.pem",
                "mp.jwt.verify.issuer", "https://idp.example.com/realms/shop",
                "mp.jwt.verify.audiences", "orders-api");
        ConfigLoader.Result result = ConfigLoader.load(key -> Optional.ofNullable(properties.get(key)));
        if (!result.ok()) {
            throw new IllegalStateException(result.problems().toString());
        }
        BulwarkConfig config = result.config();
        gate = new TokenGate(new TokenPolicy(config.jwt()), new InMemoryTokenDenyList(10_000, Clock.systemUTC()), null,
                Clock.systemUTC(), new VerifiedTokens(0));
        gateKeeping = new TokenGate(new TokenPolicy(config.jwt()), new InMemoryTokenDenyList(10_000, Clock.systemUTC()),
                null, Clock.systemUTC(), new VerifiedTokens(config.jwt().verifiedTokensMaxEntries()));
        token = keycloakLikeToken();
        tokenChars = token.toCharArray();
        try {
            gateKeeping.confirm(gateKeeping.admit(token)); // as after the container verified it once
        } catch (TokenRejected e) {
            throw new IllegalStateException(e);
        }
        scanner = new JsonScanner(config.validation().limits(), config.validation().rejectControlCharacters(),
                config.validation().rejectBidiControls(), config.validation().allowBalancedBidiIsolates());
        orderShape = new TypeShapes(config.validation().rejectUnknownProperties(),
                config.validation().rejectMismatchedTypes()).ofEntity(Order.class);
        body = ("{\"customer\":\"c-20931\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"A-100\",\"quantity\":2,"
                + "\"note\":\"gift wrap, please\"},{\"sku\":\"B-7\",\"quantity\":1,\"note\":\"\u0645\u0631\u062d\u0628\u0627\"},"
                + "{\"sku\":\"C-42\",\"quantity\":12,\"note\":null}],\"comment\":\"Leave at the door \u2014 thanks\"}")
                .getBytes(StandardCharsets.UTF_8);
        headers = HeaderWriters.of(config.headers());
        facts = new ResponseFacts(true, true, false, false, null);
        correlationIds = new CorrelationIds(true, CorrelationIds.secureRandomIds());
        credentials = new BearerCredentials(java.util.Set.of(), null, java.util.Set.of("access_token"));
        authorizationChars = ("Bearer " + token).toCharArray();
        stateKeys = java.util.stream.IntStream.range(0, 14)
                .mapToObj(i -> RequestState.Key.of("slot " + i, String.class)).toList();
    }

    /** The shape of a Keycloak access token: RS256, kid, the usual claims, about 1 KB. */
    private static String keycloakLikeToken() {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"x5tT6kRzkqm3KZ6dG1pS7tB0sVn6uYv8yQ1wF2eH3iA\"}";
        String claims = "{\"exp\":" + (now + 3600) + ",\"iat\":" + now + ",\"auth_time\":" + now
                + ",\"jti\":\"onrtac:7c1f0e8a-7b5e-4c47-9d2c-3f1a5e2b9c10\",\"iss\":\"https://idp.example.com/realms/shop\","
                + "\"aud\":\"orders-api\",\"sub\":\"f3b2a9d4-1c2e-4f5a-8b6c-7d8e9f0a1b2c\",\"typ\":\"Bearer\","
                + "\"azp\":\"shop-web\",\"sid\":\"2f6e0b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c\",\"acr\":\"1\","
                + "\"allowed-origins\":[\"https://shop.example.com\"],\"realm_access\":{\"roles\":[\"offline_access\","
                + "\"customer\"]},\"scope\":\"openid profile email orders:read orders:write\",\"email_verified\":true,"
                + "\"groups\":[\"customer\"],\"preferred_username\":\"alice\",\"email\":\"alice@example.com\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[256];
        new java.util.Random(7).nextBytes(signature);
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(signature);
    }

    /** The token policy on a token seen for the first time: read strictly, then every check. */
    @Benchmark
    public RawToken tokenPolicy() throws TokenRejected {
        return gate.admit(token);
    }

    /**
     * The token policy on a token the container verified on an earlier request (the default
     * {@code bulwark.jwt.verified-tokens.max-entries}): read once, every check still run.
     */
    @Benchmark
    public RawToken tokenPolicyVerifiedBefore() throws TokenRejected {
        // a new String as each request's header makes (its hash not yet computed)
        return gateKeeping.admit(new String(tokenChars));
    }

    /**
     * An authenticated request's bearer step before the container is asked: the token found in a new
     * {@code Authorization} header and admitted by the token policy, a token the container verified on an earlier
     * request, with its characters scanned as for a token never seen (as before the scan was skipped).
     */
    @Benchmark
    public RawToken bearerStepScanned() throws TokenRejected {
        String token = credentials.find(List.of(new String(authorizationChars)), List.of(), t -> false).token();
        return gateKeeping.admit(token);
    }

    /**
     * The same, as it runs: the exact text of a token the container verified before is known to be a well-formed
     * compact JWS, so the character scan is skipped (the hash the look-up computes serves the policy's look-up).
     */
    @Benchmark
    public RawToken bearerStep() throws TokenRejected {
        String token = credentials.find(List.of(new String(authorizationChars)), List.of(), gateKeeping::readBefore)
                .token();
        return gateKeeping.admit(token);
    }

    /**
     * A request's state as the steps use it on an authenticated JSON request: fourteen slots filled, read about
     * forty times, one emptied.
     */
    @Benchmark
    public int requestState() {
        RequestState state = new RequestState();
        int found = 0;
        for (RequestState.Key<String> key : stateKeys) {
            state.put(key, "v");
        }
        for (int round = 0; round < 3; round++) {
            for (RequestState.Key<String> key : stateKeys) {
                found += state.get(key) != null ? 1 : 0;
            }
        }
        state.put(stateKeys.get(0), null);
        return found + (state.has(stateKeys.get(0)) ? 1 : 0);
    }

    @Benchmark
    public int jsonBodyScan() throws IOException, JsonViolation {
        ByteArrayOutputStream copy = new ByteArrayOutputStream(body.length);
        scanner.scan(new ByteArrayInputStream(body), copy, orderShape, body.length); // Content-Length known, as usual
        return copy.size();
    }

    @Benchmark
    public int securityHeaders() {
        MapHeaders response = new MapHeaders();
        response.set("Content-Type", "application/json");
        headers.write(facts, response);
        return response.values.size();
    }

    @Benchmark
    public String correlationId() {
        return correlationIds.resolve(null, null);
    }

    /** The response's headers, as a servlet response holds them. */
    static final class MapHeaders implements ResponseHeaders {
        final Map<String, String> values = new HashMap<>();

        @Override
        public boolean contains(String name) {
            return get(name) != null;
        }

        @Override
        public String get(String name) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public void set(String name, String value) {
            values.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            if (value != null) {
                values.put(name, value);
            }
        }
    }
}
