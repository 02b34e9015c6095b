package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.internal.secrets.FollowedSecret;
import dev.bulwark.internal.secrets.SecretFiles;
import dev.bulwark.internal.secrets.SecretFilesConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook's bearer token as the extension follows it: a {@link FollowedSecret} of {@link WebhookKeys#TOKEN} given
 * the ordinal of the source the deployment read it from (MicroProfile Config's ranking, never a guess from values).
 */
class WebhookTokenRotationTest {

    private static final String NAME = WebhookKeys.TOKEN.name();
    private static final int SYSTEM_PROPERTY = 400;
    private static final int ENVIRONMENT = 300;
    private static final int PACKAGED = 100;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private void write(String value) throws Exception {
        Files.writeString(dir.resolve(NAME), value + "\n");
    }

    private SecretFiles files() {
        return new SecretFiles(dir, clock, Duration.ofSeconds(2), change -> { });
    }

    private FollowedSecret token(String deployed, int ordinal) {
        return new FollowedSecret(WebhookKeys.TOKEN, deployed, ordinal, files(), problems::add);
    }

    @Test
    void aTokenRotatedInTheSecretFilesIsUsedWithoutARestart() throws Exception {
        write("first-token");
        FollowedSecret token = token("first-token", SecretFilesConfigSource.ORDINAL);
        assertThat(token.get()).isEqualTo("first-token");
        write("second-token");
        assertThat(token.get()).as("until the files are looked at again").isEqualTo("first-token");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("second-token");
        assertThat(problems).isEmpty();
    }

    @Test
    void aTokenFirstGivenThroughTheFilesAfterTheStartIsUsedWithoutItsSurroundingWhiteSpace() throws Exception {
        FollowedSecret token = token(null, 0);
        assertThat(token.get()).isNull();
        write("  late-token \t");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("late-token");
        assertThat(token.get()).isEqualTo("late-token");
        assertThat(problems).isEmpty();
    }

    @Test
    void aFileOutranksAPackagedToken() throws Exception {
        FollowedSecret token = token("packaged-token", PACKAGED);
        assertThat(token.get()).isEqualTo("packaged-token");
        write("mounted-token");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("mounted-token");
    }

    @Test
    void aBadEmptyOrRemovedTokenKeepsTheLastGoodOneAndABadOneIsReportedOnceByName() throws Exception {
        write("good-token");
        FollowedSecret token = token("good-token", SecretFilesConfigSource.ORDINAL);
        write("bad token with spaces");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("good-token");
        assertThat(token.get()).isEqualTo("good-token");
        write("   ");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).as("an empty file is no token").isEqualTo("good-token");
        Files.delete(dir.resolve(NAME));
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("good-token");
        assertThat(problems).singleElement().asString().contains(NAME).doesNotContain("bad token");
    }

    @Test
    void aTokenFromTheEnvironmentOrASystemPropertyOutranksTheFilesEvenWhenTheyHoldTheSameValue() throws Exception {
        for (int ordinal : new int[] {ENVIRONMENT, SYSTEM_PROPERTY}) {
            write("same-token"); // equal values say nothing about the source: the ordinal does
            FollowedSecret token = token("same-token", ordinal);
            assertThat(token.outranked()).isTrue();
            write("rotated-file-token");
            clock.advance(Duration.ofSeconds(2));
            assertThat(token.get()).isEqualTo("same-token");
        }
        assertThat(problems).isEmpty();
    }
}
