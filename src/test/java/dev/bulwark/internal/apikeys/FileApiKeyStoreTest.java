package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.LogCapture;
import dev.bulwark.api.ApiKeyRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FileApiKeyStoreTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark");

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private static ApiKeyRecord key(String id, String hash) {
        return new ApiKeyRecord(id, hash, "svc-billing", "billing", Set.of("user", "reports"),
                Set.of("items:read", "items:write"), T0, T0.plusSeconds(86_400), null, "10/1m");
    }

    private static boolean posix(Path file) throws Exception {
        return Files.getFileStore(file).supportsFileAttributeView("posix");
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void keysAreSavedAndFoundAgainWithEveryFieldInOwnerOnlyFiles() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore store = new FileApiKeyStore(file);
        ApiKeyRecord k = key("abcDEF012345", "ab".repeat(32));
        store.save(k);
        ApiKeyRecord scoped = new ApiKeyRecord("yyyDEF012345", "ef".repeat(32), "svc", "c", Set.of(), Set.of(), T0,
                T0.plusSeconds(60), null, null, Set.of("orders-api", "billing-api"));
        store.save(scoped);
        store.save(key("zzzDEF012345", "cd".repeat(32)).revoked(T0.plusSeconds(60)));
        FileApiKeyStore reader = new FileApiKeyStore(file);
        assertThat(reader.find("abcDEF012345")).contains(k);
        assertThat(reader.find("abcDEF012345").orElseThrow().audiences()).isEmpty();
        assertThat(reader.find("yyyDEF012345")).contains(scoped);
        assertThat(reader.find("zzzDEF012345").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(reader.find("nope00000000")).isEmpty();
        assertThat(reader.list()).hasSize(3);
        assertThat(Files.readString(file)).contains("key.abcDEF012345.hash=" + "ab".repeat(32))
                .contains("key.yyyDEF012345.audiences=billing-api,orders-api").contains("hashes only");
        if (posix(file)) {
            assertThat(permissions(file)).isEqualTo("rw-------");
            assertThat(permissions(dir.resolve(".keys.properties.lock"))).isEqualTo("rw-------");
        }
        // what the writes leave behind: the file and its lock file, no temporary file
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("keys.properties", ".keys.properties.lock");
        }
    }

    @Test
    void aFileReplacedWithTheSameSizeAndTimeIsReadAgain() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore server = new FileApiKeyStore(file);
        FileApiKeyStore tool = new FileApiKeyStore(file);
        tool.save(key("abcDEF012345", "ab".repeat(32)));
        assertThat(server.find("abcDEF012345").orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(86_400));
        FileTime time = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        // a rotation's new expiry: same length, and a file system with coarse times would show the same time
        tool.save(server.find("abcDEF012345").orElseThrow().expiring(T0.plusSeconds(86_399)));
        Files.setLastModifiedTime(file, time);
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(server.find("abcDEF012345").orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(86_399));
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore server = new FileApiKeyStore(file);
        FileApiKeyStore tool = new FileApiKeyStore(file);
        tool.save(key("abcDEF012345", "ab".repeat(32)));
        assertThat(server.find("abcDEF012345").orElseThrow().revokedAt()).isNull();
        tool.save(server.find("abcDEF012345").orElseThrow().revoked(T0));
        assertThat(server.find("abcDEF012345").orElseThrow().revokedAt()).isEqualTo(T0);
    }

    @Test
    void concurrentWritersLoseNoKey() throws Exception {
        Path file = dir.resolve("keys.properties");
        int writers = 4;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                // a store each, as separate tools would have: only the file lock keeps them apart
                done.add(pool.submit(() -> {
                    FileApiKeyStore store = new FileApiKeyStore(file);
                    for (int i = 0; i < each; i++) {
                        store.save(key(String.format("w%dk%09d", writer, i), "ab".repeat(32)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new FileApiKeyStore(file).list()).hasSize(writers * each);
    }

    @Test
    void concurrentToolProcessesLoseNoKey() throws Exception {
        Path file = dir.resolve("keys.properties");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> tools = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ManyKeys.class.getName(), file.toString(), "p" + p, "10");
            pb.redirectErrorStream(true);
            tools.add(pb.start());
        }
        for (Process tool : tools) {
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(tool.exitValue()).as(output).isZero();
        }
        assertThat(new FileApiKeyStore(file).list()).hasSize(30);
    }

    /** A writer in its own JVM: saves {@code n} keys, one at a time, to the file. */
    static final class ManyKeys {
        public static void main(String[] args) {
            FileApiKeyStore store = new FileApiKeyStore(Path.of(args[0]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                store.save(key(String.format("%sk%09d", args[1], i), "ab".repeat(32)));
            }
        }
    }

    @Test
    void aFileThatTurnsBadKeepsTheLastGoodCopyAndSaysSoOnce() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore store = new FileApiKeyStore(file);
        store.save(key("abcDEF012345", "ab".repeat(32)));
        assertThat(store.find("abcDEF012345")).isPresent();
        Files.writeString(file, Files.readString(file) + "key.abcDEF012345.created=yesterday\n",
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        for (int i = 0; i < 3; i++) {
            assertThat(store.find("abcDEF012345")).as("the last good copy").isPresent();
        }
        assertThat(log.at(Level.WARNING)).singleElement().asString().contains("is not valid")
                .contains("abcDEF012345").contains("last good copy (1 keys)").doesNotContain("ab".repeat(32));
        Files.writeString(file, "password=hunter2\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(store.list()).hasSize(1);
        assertThat(log.at(Level.WARNING).get(1)).contains("unexpected entry 'password'").doesNotContain("hunter2");
        // a key pasted into the file as a line of its own is not quoted back
        String pasted = "bwk_" + "k".repeat(50);
        Files.writeString(file, pasted + "\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(15)));
        assertThat(store.list()).hasSize(1);
        assertThat(log.at(Level.WARNING).get(2)).contains("an unexpected entry of 54 characters")
                .doesNotContain(pasted);
        Files.delete(file);
        assertThat(store.find("abcDEF012345")).as("a file gone: still the last good copy").isPresent();
        assertThat(log.at(Level.WARNING).get(3)).contains("does not exist").contains("last good copy");
        assertThat(log.at(Level.WARNING)).hasSize(4);
        // readable again: used, and said once
        new FileApiKeyStore(file).save(key("zzzDEF012345", "cd".repeat(32)));
        assertThat(store.find("zzzDEF012345")).isPresent();
        assertThat(store.find("abcDEF012345")).as("the file as it is now").isEmpty();
        assertThat(log.at(Level.INFO)).singleElement().asString().contains("read again (1 keys)");
    }

    @Test
    void aFileNeverReadMakesTheStoreUnavailableNotEmpty() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore missing = new FileApiKeyStore(file);
        assertThatThrownBy(() -> missing.find("abcDEF012345")).isInstanceOf(KeyStoreUnavailableException.class)
                .hasMessageContaining("does not exist");
        Files.writeString(file, "key.abcDEF012345.hash=" + "ab".repeat(32) + "\n", StandardCharsets.UTF_8);
        FileApiKeyStore corrupt = new FileApiKeyStore(file);
        assertThatThrownBy(() -> corrupt.find("abcDEF012345")).isInstanceOf(KeyStoreUnavailableException.class)
                .hasMessageContaining("missing key.abcDEF012345.owner").hasMessageNotContaining("ab".repeat(32));
        assertThatThrownBy(() -> corrupt.list()).isInstanceOf(KeyStoreUnavailableException.class);
        assertThat(log.at(Level.WARNING)).as("once per store and problem").hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("answered 503"));
        // so a key checked against it is unavailable (a 503), never refused as unknown
        ApiKeyFormat format = new ApiKeyFormat("bwk");
        String someKey = format.generate(new java.security.SecureRandom()).key();
        assertThat(new ApiKeys(format, corrupt, () -> new KeyHasher(KeyHasherTest.PEPPER, null),
                java.time.Clock.systemUTC(), java.time.Duration.ZERO, java.time.Duration.ofDays(90), "scope", null)
                .authenticate(someKey)).isInstanceOf(ApiKeys.Unavailable.class);
    }
}
