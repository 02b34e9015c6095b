package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The packaged-secrets lint on Liberty (docs/secrets.md): the IT WAR packages a planted test password in its
 * microprofile-config.properties and lets it through by name, which every deployment logs at start; the
 * itPackagedSecret deployment replaces that opt-out, and its deployment fails naming the key, never the value.
 */
class SecretsLintIT {

    private static final String PLANTED_VALUE = "planted-test-only-value";

    @Test
    void aPackagedSecretFailsTheDeploymentNamingTheKeyNotTheValue() {
        String line = awaitLog("Bulwark configuration key 'it.planted.db.password'",
                "secret-looking value packaged in the application");
        assertThat(line.lines().findFirst().orElseThrow()).contains("its name says it holds a secret")
                .contains("bulwark.secrets.lint.allow").doesNotContain(PLANTED_VALUE);
        awaitLog("CWWKZ0002E", "itPackagedSecret");
        HttpResponse<String> r = get("/it-packaged-secret/api/errors/ok");
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void theOptOutIsLoggedAtEveryStartWithoutTheValue() {
        awaitLog("Bulwark secrets lint: it.planted.db.password", "is let through by bulwark.secrets.lint.allow");
        // every deployment of the WAR that reads its configuration says it, the one that serves here included
        assertThat(ItSupport.countLogLines("Bulwark secrets lint: it.planted.db.password")).isGreaterThan(1);
        assertThat(get("/it/api/errors/ok").statusCode()).isEqualTo(200);
        assertThat(ItSupport.readLog()).doesNotContain(PLANTED_VALUE);
    }
}
