package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import dev.bulwark.api.ApiKeyRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
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

    @Test
    void keysAreSavedAndFoundAgainWithEveryField() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore store = new FileApiKeyStore(file);
        assertThat(store.list()).as("no file yet: no keys").isEmpty();
        ApiKeyRecord k = key("abcDEF012345", "ab".repeat(32));
        store.save(k);
        store.save(key("zzzDEF012345", "cd".repeat(32)).revoked(T0.plusSeconds(60)));
        FileApiKeyStore reader = new FileApiKeyStore(file);
        assertThat(reader.find("abcDEF012345")).contains(k);
        assertThat(reader.find("zzzDEF012345").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(reader.find("nope00000000")).isEmpty();
        assertThat(reader.list()).hasSize(2);
        assertThat(Files.readString(file)).contains("key.abcDEF012345.hash=" + "ab".repeat(32))
                .contains("hashes only");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore server = new FileApiKeyStore(file);
        FileApiKeyStore tool = new FileApiKeyStore(file);
        tool.save(key("abcDEF012345", "ab".repeat(32)));
        assertThat(server.find("abcDEF012345").orElseThrow().revokedAt()).isNull();
        tool.save(server.find("abcDEF012345").orElseThrow().revoked(T0));
        // a file system with coarse times: the size changed, and the time is moved on to be sure
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(server.find("abcDEF012345").orElseThrow().revokedAt()).isEqualTo(T0);
    }

    @Test
    void aMalformedFileGivesNoKeysAndASevereLineWithoutItsContent() throws Exception {
        Path file = dir.resolve("keys.properties");
        FileApiKeyStore store = new FileApiKeyStore(file);
        store.save(key("abcDEF012345", "ab".repeat(32)));
        assertThat(store.find("abcDEF012345")).isPresent();
        Files.writeString(file, Files.readString(file) + "key.abcDEF012345.created=yesterday\n",
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(store.find("abcDEF012345")).isEmpty();
        assertThat(log.at(Level.SEVERE)).singleElement().asString().contains("not valid")
                .contains("abcDEF012345").doesNotContain("ab".repeat(32));
        Files.writeString(file, "password=hunter2\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(store.list()).isEmpty();
        assertThat(log.at(Level.SEVERE).get(1)).contains("unexpected entry 'password'").doesNotContain("hunter2");
    }
}
