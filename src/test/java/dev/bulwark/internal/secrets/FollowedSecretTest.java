package dev.bulwark.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Redis URL with credentials from the secret files, against the same key from other sources (their ordinals). */
class FollowedSecretTest {

    private static final Key<String> URL = new Key<>("bulwark.ratelimit.redis.url", Parsers.redisUrl(),
            "redis://127.0.0.1:6379", "test", "redis://x:1");
    private static final int SYSTEM_PROPERTY = 400;
    private static final int ENVIRONMENT = 300;
    private static final int PACKAGED = 100;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private SecretFiles files() {
        return new SecretFiles(dir, clock, Duration.ofSeconds(1), change -> { });
    }

    private void secretFile(String value) throws Exception {
        Files.writeString(dir.resolve(URL.name()), value + "\n");
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void anEnvironmentVariableOrASystemPropertyOutranksTheFilesNowAndLater() throws Exception {
        secretFile("redis://:from-files@cache:6379");
        for (int ordinal : new int[] {SYSTEM_PROPERTY, ENVIRONMENT}) {
            FollowedSecret url = new FollowedSecret(URL, "redis://:from-env@cache:6379", ordinal, files(),
                    problems::add);
            assertThat(url.outranked()).isTrue();
            assertThat(url.get()).isEqualTo("redis://:from-env@cache:6379");
            secretFile("redis://:rotated@cache:6379");
            assertThat(url.get()).as("a rotated file changes nothing").isEqualTo("redis://:from-env@cache:6379");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aRotatedFileReplacesAValueTheDeploymentTookFromTheFiles() throws Exception {
        secretFile("redis://:one@cache:6379");
        FollowedSecret url = new FollowedSecret(URL, "redis://:one@cache:6379", SecretFilesConfigSource.ORDINAL,
                files(), problems::add);
        assertThat(url.get()).isEqualTo("redis://:one@cache:6379");
        secretFile("redis://:two@cache:6379");
        assertThat(url.get()).isEqualTo("redis://:two@cache:6379");
        Files.delete(dir.resolve(URL.name()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(url.get()).as("a file gone for a moment: the last one stays").isEqualTo("redis://:two@cache:6379");
    }

    @Test
    void aFileOutranksAPackagedValueOrTheDefaultEvenWhenItAppearsLater() throws Exception {
        SecretFiles files = files();
        FollowedSecret url = new FollowedSecret(URL, "redis://cache:6379", PACKAGED, files, problems::add);
        assertThat(url.outranked()).isFalse();
        assertThat(url.get()).isEqualTo("redis://cache:6379");
        secretFile("redis://:from-files@cache:6379");
        assertThat(url.get()).isEqualTo("redis://:from-files@cache:6379");
        Files.delete(dir.resolve(URL.name()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(url.get()).as("the file removed (a volume being updated): the last one from the files stays")
                .isEqualTo("redis://:from-files@cache:6379");
        FollowedSecret byDefault = new FollowedSecret(URL, "redis://127.0.0.1:6379", 0, files, problems::add);
        secretFile("redis://:from-files@cache:6379");
        assertThat(byDefault.get()).isEqualTo("redis://:from-files@cache:6379");
    }

    @Test
    void anInvalidNewValueIsReportedOnceByNameAndTheLastOneStays() throws Exception {
        secretFile("redis://:one@cache:6379");
        FollowedSecret url = new FollowedSecret(URL, "redis://:one@cache:6379", SecretFilesConfigSource.ORDINAL,
                files(), problems::add);
        secretFile("http://:hunter2@cache");
        assertThat(url.get()).isEqualTo("redis://:one@cache:6379");
        assertThat(url.get()).isEqualTo("redis://:one@cache:6379");
        assertThat(problems).singleElement().asString().contains(URL.name()).doesNotContain("hunter2");
    }
}
