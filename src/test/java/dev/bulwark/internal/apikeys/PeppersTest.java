package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.internal.secrets.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeppersTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private static final String OLD = KeyHasherTest.PEPPER;
    private static final String NEW = KeyHasherTest.OTHER_PEPPER;

    private void write(String name, String value) throws Exception {
        Files.writeString(dir.resolve(name), value + "\n");
    }

    @Test
    void aRotatedPepperFileIsUsedWithoutARestart() throws Exception {
        write("bulwark.apikeys.pepper", OLD);
        SecretFiles files = new SecretFiles(dir, clock, Duration.ofSeconds(2), change -> { });
        Peppers peppers = new Peppers(OLD, null, files, problems::add);
        String oldHash = peppers.get().hash("bwk_key");
        assertThat(peppers.get()).as("the same hasher while nothing changes").isSameAs(peppers.get());
        // the rotation: new pepper, old one kept as previous (keys issued before still match)
        write("bulwark.apikeys.pepper", NEW);
        write("bulwark.apikeys.pepper-previous", OLD);
        clock.advance(Duration.ofSeconds(2));
        KeyHasher rotated = peppers.get();
        assertThat(rotated.hash("bwk_key")).isNotEqualTo(oldHash);
        assertThat(rotated.matches("bwk_key", oldHash)).isTrue();
        // the previous pepper removed: old hashes stop matching
        Files.delete(dir.resolve("bulwark.apikeys.pepper-previous"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(peppers.get().matches("bwk_key", oldHash)).isFalse();
        assertThat(peppers.get().matches("bwk_key", rotated.hash("bwk_key"))).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void aPepperFromAHigherSourceStaysAndAFileValueIsReadAsTheConfigurationReadsIt() throws Exception {
        // the environment's pepper outranks the file: a change of any secret file must not switch to the file's
        write("bulwark.apikeys.pepper", NEW);
        SecretFiles files = new SecretFiles(dir, clock, Duration.ofSeconds(2), change -> { });
        Peppers fromEnvironment = new Peppers(OLD, null, files, problems::add);
        String hash = fromEnvironment.get().hash("bwk_key");
        write("orders.db.password", "something-else");
        clock.advance(Duration.ofSeconds(2));
        assertThat(fromEnvironment.get().matches("bwk_key", hash)).isTrue();
        // a file written with trailing white space ("echo $X >", a template) is the pepper without it
        Files.writeString(dir.resolve("bulwark.apikeys.pepper"), OLD + " \n\n");
        Peppers fromFiles = new Peppers(OLD, null, files, problems::add);
        write("orders.db.password", "changed-again");
        clock.advance(Duration.ofSeconds(2));
        assertThat(fromFiles.get().matches("bwk_key", hash)).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void aShortOrRemovedPepperIsRefusedAndTheLastOneStays() throws Exception {
        write("bulwark.apikeys.pepper", OLD);
        SecretFiles files = new SecretFiles(dir, clock, Duration.ofSeconds(2), change -> { });
        Peppers peppers = new Peppers(OLD, null, files, problems::add);
        String hash = peppers.get().hash("bwk_key");
        write("bulwark.apikeys.pepper", "short-one");
        clock.advance(Duration.ofSeconds(2));
        assertThat(peppers.get().matches("bwk_key", hash)).isTrue();
        Files.delete(dir.resolve("bulwark.apikeys.pepper"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(peppers.get().matches("bwk_key", hash)).isTrue();
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("short-one")
                .doesNotContain(OLD));
        assertThat(problems.get(0)).contains("shorter than 32 bytes");
        assertThat(problems.get(1)).contains("removed");
    }

    @Test
    void withoutSecretFilesTheDeployedPepperHolds() {
        Peppers peppers = new Peppers(OLD, NEW, null, problems::add);
        String underNew = new KeyHasher(NEW, null).hash("bwk_key");
        assertThat(peppers.get().matches("bwk_key", underNew)).isTrue();
    }
}
