package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysCliTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = Map.of("BULWARK_APIKEYS_PEPPER", KeyHasherTest.PEPPER);

    private int run(String... args) {
        out.reset();
        err.reset();
        return new ApiKeysCli(clock, env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private ApiKeys keys(Path file) {
        return new ApiKeys(new ApiKeyFormat("bwk"), new FileApiKeyStore(file),
                () -> new KeyHasher(KeyHasherTest.PEPPER, null), clock, Duration.ZERO, Duration.ofDays(90), "scope", null);
    }

    @Test
    void aCreatedKeyIsPrintedOnceAndWorksAndTheFileHoldsItsHashOnly() throws Exception {
        Path file = dir.resolve("keys.properties");
        assertThat(run("create", "--file", file.toString(), "--client", "billing", "--owner", "svc-billing",
                "--roles", "user,reports", "--scopes", "items:read items:write", "--rate-limit", "5/1m")).isZero();
        String key = out().strip();
        assertThat(key).matches("bwk_[0-9A-Za-z]{50}");
        assertThat(err()).contains("printed once").doesNotContain(key);
        assertThat(Files.readString(file)).doesNotContain(key).doesNotContain(key.substring(16, 48));
        ApiKeys.Verified v = (ApiKeys.Verified) keys(file).authenticate(key);
        assertThat(v.key().roles()).containsExactlyInAnyOrder("user", "reports");
        assertThat(v.key().rateLimit()).isEqualTo("5/1m");

        assertThat(run("list", "--file", file.toString())).isZero();
        assertThat(out()).contains(v.key().id()).contains("billing").contains("active").doesNotContain(key)
                .doesNotContain(v.key().hash());
    }

    @Test
    void rotationKeepsBothKeysForTheOverlapThenOnlyTheNewOne() {
        Path file = dir.resolve("keys.properties");
        run("create", "--file", file.toString(), "--client", "billing", "--owner", "svc-billing", "--roles", "user");
        String old = out().strip();
        clock.advance(Duration.ofDays(85));
        assertThat(run("list", "--file", file.toString())).isZero();
        assertThat(out()).doesNotContain("OVER MAX AGE");
        clock.advance(Duration.ofDays(5));
        run("list", "--file", file.toString());
        assertThat(out()).contains("OVER MAX AGE (90 days): rotate");
        assertThat(run("rotate", "--file", file.toString(), "--client", "billing", "--overlap", "2d")).isZero();
        String fresh = out().strip();
        assertThat(fresh).isNotEqualTo(old).matches("bwk_[0-9A-Za-z]{50}");
        assertThat(err()).contains("works until 2027-03-02T12:00:00Z");
        ApiKeys keys = keys(file);
        assertThat(keys.authenticate(old)).isInstanceOf(ApiKeys.Verified.class);
        assertThat(((ApiKeys.Verified) keys.authenticate(fresh)).key().roles()).containsExactly("user");
        clock.advance(Duration.ofDays(2));
        assertThat(keys.authenticate(old)).isInstanceOf(ApiKeys.Refused.class);
        assertThat(keys.authenticate(fresh)).isInstanceOf(ApiKeys.Verified.class);
    }

    @Test
    void revocationByIdOrClient() {
        Path file = dir.resolve("keys.properties");
        run("create", "--file", file.toString(), "--client", "billing", "--owner", "svc");
        String one = out().strip();
        run("create", "--file", file.toString(), "--client", "billing", "--owner", "svc");
        String two = out().strip();
        String oneId = one.substring(4, 16);
        assertThat(run("revoke", "--file", file.toString(), "--id", oneId)).isZero();
        assertThat(out()).contains("revoked " + oneId);
        ApiKeys keys = keys(file);
        assertThat(keys.authenticate(one)).isInstanceOf(ApiKeys.Refused.class);
        assertThat(keys.authenticate(two)).isInstanceOf(ApiKeys.Verified.class);
        assertThat(run("revoke", "--file", file.toString(), "--client", "billing")).isZero();
        assertThat(keys.authenticate(two)).isInstanceOf(ApiKeys.Refused.class);
        assertThat(run("revoke", "--file", file.toString(), "--client", "billing")).isEqualTo(1);
        run("list", "--file", file.toString());
        assertThat(out()).contains("revoked 2026-11-30T12:00:00Z");
    }

    @Test
    void mistakesAreUsageErrors() throws Exception {
        Path file = dir.resolve("keys.properties");
        assertThat(run()).isEqualTo(2);
        assertThat(run("create", "--file", file.toString(), "--client", "c")).isEqualTo(2);
        assertThat(err()).contains("--owner is required");
        assertThat(run("create", "--file", file.toString(), "--client", "c", "--owner", "o", "--pepper",
                "x")).isEqualTo(2);
        assertThat(err()).contains("unknown option --pepper");
        assertThat(run("create", "--file", file.toString(), "--client", "c", "--owner", "o", "--rate-limit",
                "lots")).isEqualTo(2);
        assertThat(run("frobnicate", "--file", file.toString())).isEqualTo(2);
        assertThat(new ApiKeysCli(clock, name -> null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("create", "--file", file.toString(),
                "--client", "c", "--owner", "o")).isEqualTo(2);
        Path pepper = dir.resolve("pepper");
        Files.writeString(pepper, KeyHasherTest.PEPPER + "\n");
        assertThat(new ApiKeysCli(clock, name -> null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("create", "--file", file.toString(),
                "--client", "c", "--owner", "o", "--pepper-file", pepper.toString())).isZero();
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void aKeyMadeForAnAudienceWorksOnlyThereAndKeepsItThroughARotation() {
        Path file = dir.resolve("keys.properties");
        assertThat(run("create", "--file", file.toString(), "--client", "billing", "--owner", "svc",
                "--audience", "billing-api,reports-api")).isZero();
        String key = out().strip();
        assertThat(err()).contains("audience billing-api,reports-api");
        ApiKeys billing = new ApiKeys(new ApiKeyFormat("bwk"), new FileApiKeyStore(file),
                () -> new KeyHasher(KeyHasherTest.PEPPER, null), clock, Duration.ZERO, Duration.ofDays(90), "scope",
                "billing-api");
        assertThat(billing.authenticate(key)).isInstanceOf(ApiKeys.Verified.class);
        assertThat(keys(file).authenticate(key)).as("a server without an audience").isInstanceOf(ApiKeys.Refused.class);
        run("list", "--file", file.toString());
        assertThat(out()).contains("\taudience\t").contains("\tbilling-api,reports-api\t");
        assertThat(run("rotate", "--file", file.toString(), "--client", "billing")).isZero();
        String fresh = out().strip();
        assertThat(((ApiKeys.Verified) billing.authenticate(fresh)).key().audiences())
                .containsExactlyInAnyOrder("billing-api", "reports-api");
        assertThat(run("create", "--file", file.toString(), "--client", "c", "--owner", "o", "--audience",
                "billing api")).isEqualTo(2);
        assertThat(err()).contains("--audience").contains("not a service name");
    }

    @Test
    void theFilesTheToolCreatesAreTheOwnersOnly() throws Exception {
        Path file = dir.resolve("new-dir").resolve("keys.properties");
        assertThat(run("create", "--file", file.toString(), "--client", "c", "--owner", "o")).isZero();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    file.resolveSibling(".keys.properties.lock")))).isEqualTo("rw-------");
            // an existing file opened to others is made the owner's again on the next change
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(run("revoke", "--file", file.toString(), "--client", "c")).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void listingRotatingOrRevokingWithoutAFileIsAnErrorNotAnEmptyList() {
        Path file = dir.resolve("missing.properties");
        assertThat(run("list", "--file", file.toString())).isEqualTo(1);
        assertThat(err()).contains("there is no key file");
        assertThat(run("revoke", "--file", file.toString(), "--client", "c")).isEqualTo(1);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aCorruptFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "password=hunter2\n");
        assertThat(run("create", "--file", file.toString(), "--client", "c", "--owner", "o")).isEqualTo(1);
        assertThat(err()).contains("unexpected entry").doesNotContain("hunter2");
        assertThat(out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("password=hunter2\n");
    }
}
