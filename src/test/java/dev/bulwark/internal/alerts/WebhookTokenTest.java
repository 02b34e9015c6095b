package dev.bulwark.internal.alerts;

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

class WebhookTokenTest {

    private static final String NAME = "bulwark.alerts.webhook.token";

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

    @Test
    void aTokenRotatedInTheSecretFilesIsUsedWithoutARestart() throws Exception {
        write("first-token");
        WebhookToken token = new WebhookToken("first-token", files(), problems::add);
        assertThat(token.get()).isEqualTo("first-token");
        write("second-token");
        assertThat(token.get()).as("until the files are looked at again").isEqualTo("first-token");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("second-token");
        assertThat(problems).isEmpty();
    }

    @Test
    void aTokenFirstGivenThroughTheFilesAfterTheStartIsUsed() throws Exception {
        WebhookToken token = new WebhookToken(null, files(), problems::add);
        assertThat(token.get()).isNull();
        write("  late-token  ");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("late-token");
    }

    @Test
    void aBadOrRemovedTokenKeepsTheLastGoodOneAndSaysSoByName() throws Exception {
        write("good-token");
        WebhookToken token = new WebhookToken("good-token", files(), problems::add);
        write("bad token with spaces");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("good-token");
        Files.delete(dir.resolve(NAME));
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("good-token");
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains(NAME).doesNotContain("bad token"));
    }

    @Test
    void aTokenFromAHigherSourceOutranksTheFiles() throws Exception {
        write("file-token");
        WebhookToken token = new WebhookToken("environment-token", files(), problems::add);
        write("rotated-file-token");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.get()).isEqualTo("environment-token");
        assertThat(new WebhookToken("configured", null, problems::add).get()).isEqualTo("configured");
    }
}
