package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.secrets.SecretsSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretDirectoryProblemsTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryMustExistAndComeFromWhereTheSourceLooks() {
        SecretsSettings seen = new SecretsSettings(dir.toString(), Duration.ofSeconds(2), true, java.util.List.of());
        assertThat(BulwarkExtension.secretDirectoryProblems(seen, dir)).isEmpty();
        assertThat(BulwarkExtension.secretDirectoryProblems(new SecretsSettings(null, Duration.ofSeconds(2), true, java.util.List.of()), null))
                .isEmpty();
        // only in the packaged properties: the source (started before them) never sees it
        assertThat(BulwarkExtension.secretDirectoryProblems(seen, null)).extracting(ConfigProblem::message)
                .singleElement().asString().contains("bulwark.secrets.dir").contains("BULWARK_SECRETS_DIR");
        // a volume that was not mounted
        Path absent = dir.resolve("absent");
        assertThat(BulwarkExtension.secretDirectoryProblems(new SecretsSettings(absent.toString(),
                Duration.ofSeconds(2), true, java.util.List.of()), absent)).extracting(ConfigProblem::message).singleElement().asString()
                .contains("not a directory");
    }
}
