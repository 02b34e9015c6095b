package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.secrets.SecretsSettings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PackagedSecretsTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark");

    @TempDir
    Path war;

    private ClassLoader packaged(String properties) throws Exception {
        Files.createDirectories(war.resolve("META-INF"));
        Files.writeString(war.resolve("META-INF/microprofile-config.properties"), properties);
        return new URLClassLoader(new URL[] {war.toUri().toURL()}, null);
    }

    @Test
    void aPackagedSecretFailsTheDeploymentNamingTheKeyNotTheValue() throws Exception {
        ClassLoader loader = packaged("orders.db.password=hunter2-in-the-war\nbulwark.apikeys.pepper=in-the-war-"
                + "0123456789-0123456789-0123\nmp.jwt.verify.issuer=https://issuer.example.com\n");
        List<ConfigProblem> problems = BulwarkExtension.packagedSecrets(new SecretsSettings(null,
                Duration.ofSeconds(2), true, List.of()), loader);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("bulwark.apikeys.pepper",
                "orders.db.password");
        assertThat(problems).extracting(ConfigProblem::message).allSatisfy(m -> assertThat(m)
                .contains("secret-looking value packaged in the application").doesNotContain("hunter2")
                .doesNotContain("in-the-war-"));
    }

    @Test
    void anAllowedKeyPassesWithAWarningAtEveryStart() throws Exception {
        ClassLoader loader = packaged("orders.db.password=hunter2-in-the-war\n");
        SecretsSettings allow = new SecretsSettings(null, Duration.ofSeconds(2), true, List.of("orders.db.password"));
        assertThat(BulwarkExtension.packagedSecrets(allow, loader)).isEmpty();
        assertThat(BulwarkExtension.packagedSecrets(allow, loader)).isEmpty();
        assertThat(log.at(Level.WARNING)).hasSize(2).allSatisfy(m -> assertThat(m).contains("orders.db.password")
                .contains("bulwark.secrets.lint.allow").doesNotContain("hunter2"));
    }
}
