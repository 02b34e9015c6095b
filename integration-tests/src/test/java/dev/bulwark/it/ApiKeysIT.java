package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.ItSupport.sendTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.apikeys.ApiKeyFormat;
import dev.bulwark.internal.apikeys.ApiKeysCli;
import dev.bulwark.internal.apikeys.FileApiKeyStore;
import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.internal.apikeys.KeyHasher;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API keys over HTTP on Liberty (docs/api-keys.md): keys made with the command-line tool (run as a user runs it,
 * {@code java -cp bulwark.jar}) authenticate a machine client as their owner, so the existing controls (roles,
 * scopes, ownership, a bean's scopes, the key's own rate limit) hold unchanged; every bad key gets the same 401; a
 * revocation reaches both servers (node 2 reads the same key file) and the JDBC store within seconds; no key is
 * ever logged.
 */
class ApiKeysIT {

    private static final Path FILE = Path.of(System.getProperty("it.apikeys.file", "target/api-keys/keys.properties"));
    private static final String PEPPER = System.getProperty("it.apikeys.pepper");
    private static final String NODE2 = System.getProperty("it.node2.url", "https://localhost:9544");
    private static final Path LOG2 = Path.of(System.getProperty("it.log2", "messages2.log"));
    private static final Path SECRETS = Path.of(System.getProperty("it.secrets.dir", "secrets"));
    /** Every key the tests made, for the log check. */
    private static final List<String> MADE = new ArrayList<>();

    private static String report;

    @BeforeAll
    static void deployed() {
        ItSupport.awaitApplication("/it-keys");
        ItSupport.awaitApplication("/it-keys-jdbc");
        ItSupport.awaitApplication("/it-keys-audience");
        ItSupport.awaitApplication("/it-keys-no-file");
        report = create("billing-" + UUID.randomUUID(), "svc-billing", "user,reports",
                "items:read reports:read");
    }

    /** Runs the command-line tool in its own JVM with the Bulwark jar alone; returns its standard output. */
    private static String cli(String... args) {
        return cliWithPepper(PEPPER, args);
    }

    private static String cliWithPepper(String pepper, String... args) {
        Path jar = Path.of(classpathOf(ApiKeysCli.class));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", jar.toString(), ApiKeysCli.class.getName()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("BULWARK_APIKEYS_PEPPER", pepper);
            Path err = Files.createTempFile("cli", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("tool exit (%s): %s", List.of(args), Files.readString(err)).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String classpathOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String create(String client, String owner, String roles, String scopes, String... more) {
        List<String> args = new ArrayList<>(List.of("create", "--file", FILE.toString(), "--client", client,
                "--owner", owner, "--roles", roles, "--scopes", scopes));
        args.addAll(List.of(more));
        String key = cli(args.toArray(String[]::new)).strip();
        assertThat(key).matches("bwk_[0-9A-Za-z]{50}");
        MADE.add(key);
        return key;
    }

    private static HttpResponse<String> withKey(String method, String path, String key) {
        return send(method, path, null, "X-API-Key", key);
    }

    /** The refusal every bad key gets: 401, the ApiKey challenge, the generic body. */
    private static JsonObject refused(HttpResponse<String> r) {
        JsonObject problem = assertProblem(r, 401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("ApiKey realm=\"api\"");
        return problem;
    }

    /** The problem without what differs per request. */
    private static String generic(JsonObject problem) {
        return problem.entrySet().stream().filter(e -> !e.getKey().equals("correlationId")
                && !e.getKey().equals("instance")).map(e -> e.getKey() + "=" + e.getValue()).sorted().toList()
                .toString();
    }

    private static void within(Duration bound, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not seen within " + bound);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aKeyCallsARoleAndScopeProtectedEndpointAsItsOwner() {
        HttpResponse<String> r = withKey("GET", "/it-keys/api/machine/report", report);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).getString("caller")).isEqualTo("svc-billing");
        assertThat(json(r.body()).getString("reports")).isEqualTo("true");
        // an authenticated response: never stored by a cache, whichever header carried the key
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        // the Authorization scheme works the same
        r = send("GET", "/it-keys/api/machine/report", null, "Authorization", "ApiKey " + report);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).getString("caller")).isEqualTo("svc-billing");
        // a class-level @RolesAllowed Liberty checks too: the container sees the key's owner in its roles
        r = withKey("GET", "/it-keys/api/secure", report);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).getString("sub")).isEqualTo("svc-billing");
        // scopes: items:read yes, the write scopes no (the same 403 and challenge as for a token)
        assertThat(withKey("GET", "/it-keys/api/scoped", report).statusCode()).isEqualTo(200);
        HttpResponse<String> write = withKey("POST", "/it-keys/api/scoped", report);
        assertProblem(write, 403);
        assertThat(write.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c)
                .contains("insufficient_scope"));
        // a service bean's @RequiresScopes (CDI interceptor) sees the key's scopes too
        assertThat(withKey("GET", "/it-keys/api/scoped/report", report).statusCode()).isEqualTo(200);
        // a role the key does not have
        assertProblem(withKey("GET", "/it-keys/api/admin", report), 403);
    }

    @Test
    void aKeyWithoutTheRoleOrScopeIsRefusedLikeAToken() {
        String reader = create("reader-" + UUID.randomUUID(), "svc-reader", "user", "items:read");
        assertProblem(withKey("GET", "/it-keys/api/machine/report", reader), 403);
        assertProblem(withKey("GET", "/it-keys/api/scoped/report", reader), 403);
        assertThat(withKey("GET", "/it-keys/api/scoped", reader).statusCode()).isEqualTo(200);
    }

    @Test
    void ownershipUsesTheKeysOwner() {
        String alice = create("alice-batch-" + UUID.randomUUID(), "alice", "user", "");
        HttpResponse<String> own = withKey("GET", "/it-keys/api/orders/1", alice);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json(own.body()).getString("owner")).isEqualTo("alice");
        assertProblem(withKey("GET", "/it-keys/api/orders/2", alice), 404);
    }

    @Test
    void aKeyIsHeldToItsOwnRateLimit() {
        String limited = create("limited-" + UUID.randomUUID(), "svc-limited", "user", "items:read",
                "--rate-limit", "3/1m");
        for (int i = 0; i < 3; i++) {
            assertThat(withKey("GET", "/it-keys/api/scoped", limited).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = withKey("GET", "/it-keys/api/scoped", limited);
        assertProblem(over, 429);
        assertThat(over.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v))
                .isPositive());
        assertThat(over.headers().firstValue("RateLimit-Policy")).hasValue("\"api-key\";q=3;w=60");
        // another key of another client is not limited by it
        assertThat(withKey("GET", "/it-keys/api/scoped", report).statusCode()).isEqualTo(200);
    }

    @Test
    void everyBadKeyGetsTheSame401() {
        ApiKeyFormat format = new ApiKeyFormat("bwk");
        String typo = report.substring(0, 30) + (report.charAt(30) == 'x' ? 'y' : 'x') + report.substring(31);
        String unknown = format.generate(new SecureRandom()).key();
        String other = format.generate(new SecureRandom()).key();
        String forged = report.substring(0, 16) + other.substring(16, 48); // the real id, another secret
        forged = forged + crc(forged);
        ApiKeyFormat.NewKey old = format.generate(new SecureRandom());
        MADE.add(old.key());
        java.time.Instant now = java.time.Instant.now();
        new FileApiKeyStore(FILE).save(new ApiKeyRecord(old.id(), new KeyHasher(PEPPER, null).hash(old.key()),
                "svc-old", "expired-" + UUID.randomUUID(), java.util.Set.of("reports"),
                java.util.Set.of("reports:read"), now.minus(Duration.ofDays(30)), now.minusSeconds(1), null, null));
        String expired = old.key();
        List<String> bodies = new ArrayList<>();
        for (String bad : List.of(typo, unknown, forged, "bwk_short", "not-a-key")) {
            bodies.add(generic(refused(withKey("GET", "/it-keys/api/machine/report", bad))));
        }
        bodies.add(generic(refused(send("GET", "/it-keys/api/machine/report", null, "Authorization",
                "ApiKey " + forged))));
        assertThat(bodies).as("one body for every bad key").containsOnly(bodies.get(0));
        // an expired key
        assertThat(generic(refused(withKey("GET", "/it-keys/api/machine/report", expired))))
                .isEqualTo(bodies.get(0));
    }

    /** The checksum, as a forger computes it: CRC32 in six base62 digits (it protects nothing). */
    private static String crc(String text) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = alphabet.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    @Test
    void keysInTheQueryStringAndAmbiguousCredentialsAreRefused() {
        refused(send("GET", "/it-keys/api/scoped?api_key=" + report, null, "X-API-Key", report));
        refused(get("/it-keys/api/errors/ok?key=" + report));
        refused(send("GET", "/it-keys/api/scoped", null, "X-API-Key", report, "X-API-Key", report));
        String token = ItSupport.tokenWithScopes("svc-billing", "items:read", "user");
        assertProblem(send("GET", "/it-keys/api/scoped", null, "X-API-Key", report, "Authorization",
                "Bearer " + token), 401);
        // no key at all: the endpoint's usual 401
        assertProblem(get("/it-keys/api/machine/report"), 401);
    }

    @Test
    void aKeyWorksOnlyOnTheServersOfItsAudience() {
        String billing = create("audience-" + UUID.randomUUID(), "svc-billing", "user,reports", "reports:read",
                "--audience", "billing-api");
        within(Duration.ofSeconds(10), "the key on the billing-api server", () -> withKey("GET",
                "/it-keys-audience/api/machine/report", billing).statusCode() == 200);
        assertThat(json(withKey("GET", "/it-keys-audience/api/machine/report", billing).body()).getString("caller"))
                .isEqualTo("svc-billing");
        // the same key file, a server that is no billing-api: the same 401 as any bad key
        String badBody = generic(refused(withKey("GET", "/it-keys/api/machine/report", "bwk_not-a-key")));
        assertThat(generic(refused(withKey("GET", "/it-keys/api/machine/report", billing)))).isEqualTo(badBody);
        // a key made without an audience is no key for the billing-api server
        assertThat(withKey("GET", "/it-keys/api/machine/report", report).statusCode()).isEqualTo(200);
        assertThat(generic(refused(withKey("GET", "/it-keys-audience/api/machine/report", report))))
                .isEqualTo(badBody);
        ItSupport.awaitLog("API key " + billing.substring(4, 16) + " is not for this server's audience",
                "the key's: billing-api; this server's: none");
        assertThat(ItSupport.readLog()).doesNotContain(billing.substring(16, 48));
    }

    @Test
    void onlyAKeyInTheQueryIsRefusedNotTextThatMentionsThePrefix() {
        // a search for the prefix, and `key` as a sort key: legitimate traffic
        HttpResponse<String> search = get("/it-keys/api/errors/ok?q=bwk_&key=created_at");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        // a mistyped key under the names keys are sent with: still a key in a URL
        refused(get("/it-keys/api/errors/ok?api_key=bwk_typo"));
        refused(get("/it-keys/api/errors/ok?X-API-Key=whatever"));
        // a real key inside another parameter's value
        refused(get("/it-keys/api/errors/ok?next=%2Freports%3Fk%3D" + report));
        ItSupport.awaitLog("an API key in the query string (parameter next)");
    }

    @Test
    void aKeyFileNeverReadIsAnOutageNotAnEmptyStore() {
        HttpResponse<String> r = withKey("GET", "/it-keys-no-file/api/machine/report", report);
        assertProblem(r, 503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(r.body()).doesNotContain("never-created").doesNotContain(report.substring(16, 48));
        // a typo is still refused before any look-up, and requests without a key are served as usual
        refused(withKey("GET", "/it-keys-no-file/api/machine/report", "bwk_not-a-key"));
        assertThat(get("/it-keys-no-file/api/errors/ok").statusCode()).isEqualTo(200);
        String line = ItSupport.awaitLog("Bulwark API keys: the key file", "never-created does not exist");
        assertThat(line).contains("answered 503");
    }

    @Test
    void aKeyFileThatTurnsBadKeepsTheLastGoodCopy() throws IOException {
        String key = create("corrupt-" + UUID.randomUUID(), "svc-billing", "user,reports", "reports:read");
        within(Duration.ofSeconds(10), "the key on node 1", () -> withKey("GET", "/it-keys/api/machine/report",
                key).statusCode() == 200);
        String good = Files.readString(FILE);
        Path tmp = FILE.resolveSibling(".it-corrupt");
        try {
            Files.writeString(tmp, good + "key.broken=1\n", StandardCharsets.UTF_8);
            Files.move(tmp, FILE, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // the key keeps working while the server reads the file again (cache TTL 1 s) and finds it bad
            List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
            within(Duration.ofSeconds(10), "the bad file noticed", () -> {
                statuses.add(withKey("GET", "/it-keys/api/machine/report", key).statusCode());
                return ItSupport.countLogLines("is not valid (unexpected entry 'key.broken')") > 0;
            });
            assertThat(statuses).containsOnly(200);
            assertThat(ItSupport.awaitLog("is not valid (unexpected entry 'key.broken')"))
                    .contains("the last good copy");
            assertThat(withKey("GET", "/it-keys/api/machine/report", key).statusCode()).isEqualTo(200);
        } finally {
            Files.writeString(tmp, good, StandardCharsets.UTF_8);
            Files.move(tmp, FILE, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        within(Duration.ofSeconds(10), "the good file read again", () -> withKey("GET",
                "/it-keys/api/machine/report", key).statusCode() == 200
                && ItSupport.countLogLines("Bulwark API keys: the key file") > 0
                && ItSupport.readLog().contains("is read again"));
    }

    @Test
    void aRevocationReachesBothServersWithinSeconds() {
        String key = create("rotating-" + UUID.randomUUID(), "svc-rotating", "user,reports", "reports:read");
        within(Duration.ofSeconds(10), "the new key on node 1", () -> withKey("GET", "/it-keys/api/machine/report",
                key).statusCode() == 200);
        within(Duration.ofSeconds(10), "the new key on node 2", () -> sendTo(NODE2, "GET",
                "/it-keys/api/machine/report", null, "X-API-Key", key).statusCode() == 200);
        String out = cli("revoke", "--file", FILE.toString(), "--id", key.substring(4, 16));
        assertThat(out).contains("revoked " + key.substring(4, 16));
        long start = System.nanoTime();
        within(Duration.ofSeconds(5), "the revocation on node 1", () -> withKey("GET",
                "/it-keys/api/machine/report", key).statusCode() == 401);
        within(Duration.ofSeconds(5), "the revocation on node 2", () -> sendTo(NODE2, "GET",
                "/it-keys/api/machine/report", null, "X-API-Key", key).statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        refused(withKey("GET", "/it-keys/api/machine/report", key));
    }

    @Test
    void aRotationKeepsBothKeysUntilTheOverlapEnds() {
        String client = "rotation-" + UUID.randomUUID();
        String old = create(client, "svc-rot", "user,reports", "reports:read");
        String fresh = cli("rotate", "--file", FILE.toString(), "--client", client, "--overlap", "1m").strip();
        MADE.add(fresh);
        assertThat(fresh).matches("bwk_[0-9A-Za-z]{50}").isNotEqualTo(old);
        within(Duration.ofSeconds(10), "the new key", () -> withKey("GET", "/it-keys/api/machine/report", fresh)
                .statusCode() == 200);
        assertThat(withKey("GET", "/it-keys/api/machine/report", old).statusCode()).isEqualTo(200);
        String list = cli("list", "--file", FILE.toString());
        assertThat(list).contains(old.substring(4, 16)).contains(fresh.substring(4, 16)).doesNotContain(old)
                .doesNotContain(fresh);
    }

    @Test
    void theJdbcStoreAuthenticatesAndRevokes() {
        ApiKeyFormat.NewKey k = new ApiKeyFormat("bwk").generate(new SecureRandom());
        MADE.add(k.key());
        String admin = "Bearer " + ItSupport.token("root", "admin");
        HttpResponse<String> added = send("POST", "/it-keys-jdbc/api/key-table", "{\"id\":\"" + k.id()
                + "\",\"hash\":\"" + new KeyHasher(PEPPER, null).hash(k.key()) + "\",\"owner\":\"svc-db\","
                + "\"client\":\"db-batch\",\"roles\":\"reports\",\"scopes\":\"reports:read\"}",
                "Authorization", admin, "Content-Type", "application/json");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        within(Duration.ofSeconds(5), "the key in the table", () -> withKey("GET",
                "/it-keys-jdbc/api/machine/report", k.key()).statusCode() == 200);
        assertThat(json(withKey("GET", "/it-keys-jdbc/api/machine/report", k.key()).body()).getString("caller"))
                .isEqualTo("svc-db");
        // the file store's keys are not this deployment's
        refused(withKey("GET", "/it-keys-jdbc/api/machine/report", report));
        assertThat(send("POST", "/it-keys-jdbc/api/key-table/" + k.id() + "/revoke", null, "Authorization", admin)
                .statusCode()).isEqualTo(200);
        within(Duration.ofSeconds(5), "the revocation in the table", () -> withKey("GET",
                "/it-keys-jdbc/api/machine/report", k.key()).statusCode() == 401);
    }

    /** Replaces a secret file as the Vault Agent does: a new file renamed over the old one (atomic). */
    private static void writeSecret(String name, String value) throws IOException {
        Path tmp = SECRETS.resolve(".render-" + UUID.randomUUID());
        Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, SECRETS.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aPepperRotatedOnDiskIsUsedWithoutARestartAndWithoutAFailedRequest() throws Exception {
        String client = "pepper-" + UUID.randomUUID();
        String before = create(client, "svc-pepper", "user,reports", "reports:read");
        within(Duration.ofSeconds(10), "the key", () -> withKey("GET", "/it-keys/api/machine/report", before)
                .statusCode() == 200);
        String newPepper = "it-only-new-pepper-" + UUID.randomUUID();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (running.get()) {
                statuses.add(withKey("GET", "/it-keys/api/machine/report", before).statusCode());
                statuses.add(sendTo(NODE2, "GET", "/it-keys/api/machine/report", null, "X-API-Key", before)
                        .statusCode());
            }
        });
        load.start();
        String after;
        try {
            // the rotation: the old pepper kept as the previous one, then the new pepper
            writeSecret("bulwark.apikeys.pepper-previous", PEPPER);
            writeSecret("bulwark.apikeys.pepper", newPepper);
            after = cliWithPepper(newPepper, "create", "--file", FILE.toString(), "--client", client, "--owner", "svc-pepper",
                    "--roles", "user,reports", "--scopes", "reports:read").strip();
            MADE.add(after);
            within(Duration.ofSeconds(15), "the new pepper on node 1", () -> withKey("GET",
                    "/it-keys/api/machine/report", after).statusCode() == 200);
            within(Duration.ofSeconds(15), "the new pepper on node 2", () -> sendTo(NODE2, "GET",
                    "/it-keys/api/machine/report", null, "X-API-Key", after).statusCode() == 200);
        } finally {
            running.set(false);
            load.join();
        }
        assertThat(statuses).as("requests with the old key during the rotation").isNotEmpty().containsOnly(200);
        ItSupport.awaitLog("Bulwark secrets in", "changed: bulwark.apikeys.pepper");
        assertThat(ItSupport.readLog()).contains("added: bulwark.apikeys.pepper-previous").doesNotContain(newPepper);
        try {
            // the previous pepper removed: keys hashed under it stop working, the new ones go on
            Files.delete(SECRETS.resolve("bulwark.apikeys.pepper-previous"));
            within(Duration.ofSeconds(15), "the old pepper's end", () -> withKey("GET",
                    "/it-keys/api/machine/report", before).statusCode() == 401);
            assertThat(withKey("GET", "/it-keys/api/machine/report", after).statusCode()).isEqualTo(200);
        } finally {
            // back to the build's pepper for the other tests
            writeSecret("bulwark.apikeys.pepper", PEPPER);
            Files.deleteIfExists(SECRETS.resolve("bulwark.apikeys.pepper-previous"));
            within(Duration.ofSeconds(15), "the build's pepper again", () -> withKey("GET",
                    "/it-keys/api/machine/report", before).statusCode() == 200 && sendTo(NODE2, "GET",
                    "/it-keys/api/machine/report", null, "X-API-Key", before).statusCode() == 200);
        }
    }

    @Test
    void noKeyIsEverLogged() throws IOException {
        // a refused and an accepted key, then both logs and the key file
        refused(withKey("GET", "/it-keys/api/machine/report", report.substring(0, 20) + "0".repeat(34)));
        withKey("GET", "/it-keys/api/machine/report", report);
        ItSupport.awaitLog("API key refused");
        String logs = ItSupport.readLog() + (Files.exists(LOG2) ? Files.readString(LOG2) : "");
        String file = Files.readString(FILE);
        for (String key : List.copyOf(MADE)) {
            String secret = key.substring(16, 48);
            assertThat(logs).as("the logs").doesNotContain(secret);
            assertThat(file).as("the key file").doesNotContain(secret);
        }
        assertThat(logs).doesNotContain(PEPPER);
    }
}
