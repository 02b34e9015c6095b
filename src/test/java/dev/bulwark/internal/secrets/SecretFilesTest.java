package dev.bulwark.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<String> changes = new CopyOnWriteArrayList<>();

    private SecretFiles files() {
        return new SecretFiles(dir, clock, Duration.ofSeconds(2), changes::add);
    }

    /** A Kubernetes secret volume: each key a link through ..data to a timestamped directory. */
    private void kubernetesVolume(String version, Map<String, String> secrets) throws Exception {
        Path data = dir.resolve("..2026_11_30_" + version);
        Files.createDirectory(data);
        for (var e : secrets.entrySet()) {
            Files.writeString(data.resolve(e.getKey()), e.getValue());
        }
        Path next = dir.resolve("..data_tmp");
        Files.createSymbolicLink(next, data.getFileName());
        Files.move(next, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE); // the atomic swap
        for (String name : secrets.keySet()) {
            Path link = dir.resolve(name);
            if (!Files.isSymbolicLink(link)) {
                Files.createSymbolicLink(link, Path.of("..data", name));
            }
        }
    }

    @Test
    void oneFilePerKeyWithoutTheTrailingLineBreak() throws Exception {
        Files.writeString(dir.resolve("bulwark.apikeys.pepper"), "s3cr3t-value\n");
        Files.writeString(dir.resolve("redis-password"), "p@ss");
        Files.writeString(dir.resolve(".editor.swp"), "junk");
        Files.createDirectory(dir.resolve("nested"));
        SecretFiles files = files();
        assertThat(files.all()).containsOnlyKeys("bulwark.apikeys.pepper", "redis-password");
        assertThat(files.get("bulwark.apikeys.pepper")).hasValue("s3cr3t-value");
        assertThat(files.get("redis-password")).hasValue("p@ss");
        assertThat(SecretFiles.value("a\r\n")).isEqualTo("a");
        assertThat(SecretFiles.value("a\n\n")).isEqualTo("a\n");
    }

    @Test
    void aKubernetesVolumeUpdateIsSeenAfterTheIntervalAndLoggedByNameOnly() throws Exception {
        kubernetesVolume("1", Map.of("bulwark.apikeys.pepper", "first-pepper-value"));
        SecretFiles files = files();
        assertThat(files.all()).containsOnlyKeys("bulwark.apikeys.pepper"); // not ..data nor ..2026_...
        assertThat(files.get("bulwark.apikeys.pepper")).hasValue("first-pepper-value");
        long generation = files.generation();
        kubernetesVolume("2", Map.of("bulwark.apikeys.pepper", "second-pepper-value",
                "bulwark.apikeys.pepper-previous", "first-pepper-value"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(files.get("bulwark.apikeys.pepper")).as("within the interval").hasValue("first-pepper-value");
        clock.advance(Duration.ofSeconds(1));
        assertThat(files.get("bulwark.apikeys.pepper")).hasValue("second-pepper-value");
        assertThat(files.get("bulwark.apikeys.pepper-previous")).hasValue("first-pepper-value");
        assertThat(files.generation()).isEqualTo(generation + 1);
        assertThat(changes).containsExactly("changed: bulwark.apikeys.pepper",
                "added: bulwark.apikeys.pepper-previous");
        assertThat(String.join(" ", changes)).doesNotContain("pepper-value");
        // the next volume drops the previous pepper: its link dangles, so it is gone
        kubernetesVolume("3", Map.of("bulwark.apikeys.pepper", "second-pepper-value"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(files.get("bulwark.apikeys.pepper-previous")).isEmpty();
        assertThat(changes).last().isEqualTo("removed: bulwark.apikeys.pepper-previous");
        clock.advance(Duration.ofSeconds(2));
        assertThat(files.generation()).as("no change, no new generation").isEqualTo(generation + 2);
    }

    @Test
    void aVaultAgentRenameIsSeen() throws Exception {
        Files.writeString(dir.resolve("bulwark.ratelimit.redis.url"), "redis://:old@127.0.0.1:6379");
        SecretFiles files = files();
        Path tmp = dir.resolve(".tmp-render");
        Files.writeString(tmp, "redis://:new@127.0.0.1:6379");
        Files.move(tmp, dir.resolve("bulwark.ratelimit.redis.url"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        clock.advance(Duration.ofSeconds(2));
        assertThat(files.get("bulwark.ratelimit.redis.url")).hasValue("redis://:new@127.0.0.1:6379");
        assertThat(changes).containsExactly("changed: bulwark.ratelimit.redis.url");
    }

    @Test
    void aMissingDirectoryOrAHugeFileHoldsNothing() throws Exception {
        assertThat(new SecretFiles(dir.resolve("absent"), clock, Duration.ofSeconds(2), changes::add).all())
                .isEmpty();
        Files.write(dir.resolve("big"), new byte[(int) SecretFiles.MAX_BYTES + 1]);
        assertThat(files().all()).isEmpty();
        assertThat(changes).containsExactly("ignored (over 65536 bytes): big");
    }

    @Test
    void theConfigSourceServesTheFilesAboveThePackagedProperties() throws Exception {
        Files.writeString(dir.resolve("bulwark.apikeys.pepper"), "from-the-volume\n");
        SecretFilesConfigSource source = new SecretFilesConfigSource(files());
        assertThat(source.getOrdinal()).isGreaterThan(100).isLessThan(300);
        assertThat(source.getValue("bulwark.apikeys.pepper")).isEqualTo("from-the-volume");
        assertThat(source.getValue("other")).isNull();
        assertThat(source.getPropertyNames()).containsExactly("bulwark.apikeys.pepper");
        assertThat(source.getName()).contains(dir.toString()).doesNotContain("from-the-volume");
        SecretFilesConfigSource none = new SecretFilesConfigSource(null);
        assertThat(none.getProperties()).isEmpty();
        assertThat(none.getValue("bulwark.apikeys.pepper")).isNull();
    }

    @Test
    void theDirectoryComesFromASystemPropertyElseTheEnvironment() {
        assertThat(SecretDirectory.locate(Map.of("bulwark.secrets.dir", "/a")::get, Map.of(
                "BULWARK_SECRETS_DIR", "/b")::get)).isEqualTo(Path.of("/a"));
        assertThat(SecretDirectory.locate(name -> null, Map.of("BULWARK_SECRETS_DIR", " /b ")::get))
                .isEqualTo(Path.of("/b"));
        assertThat(SecretDirectory.locate(name -> null, name -> null)).isNull();
    }
}
