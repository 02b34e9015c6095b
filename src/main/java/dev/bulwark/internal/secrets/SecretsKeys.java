package dev.bulwark.internal.secrets;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.time.Duration;
import java.util.List;

/** The keys of the secret directory ({@code bulwark.secrets.*}). */
public final class SecretsKeys implements ConfigConcern<SecretsSettings> {

    public static final Key<String> DIR = new Key<>("bulwark.secrets.dir", Parsers.text(), null,
            "A directory of secret files, one per key (a Kubernetes secret volume, the Vault Agent's or the Secrets "
                    + "Store CSI driver's mount): each file is a configuration property named like the file, above "
                    + "`microprofile-config.properties`. **Only as a system property or the environment variable** "
                    + "`BULWARK_SECRETS_DIR` (the source is part of the configuration). A directory that does not "
                    + "exist fails the deployment. See [secrets.md](secrets.md).",
            "/var/run/secrets/bulwark");

    public static final Key<Duration> REFRESH = new Key<>("bulwark.secrets.refresh",
            Parsers.duration(Duration.ofMillis(100), Duration.ofHours(1)), "2s",
            "How often Bulwark looks for changed secret files (the API-key pepper, the Redis URL): a rotated secret "
                    + "is used within this time, without a restart; each change is logged by name, never by value.",
            "30s");

    public static final Key<Boolean> LINT = new Key<>("bulwark.secrets.lint.enabled", Parsers.bool(), "true",
            "The deployment fails when the application's packaged `microprofile-config.properties` holds a "
                    + "secret-looking value (by its key's name or its shape), naming the key, never the value. See "
                    + "[secrets.md](secrets.md#the-packaged-secrets-lint).",
            "false");

    public static final Key<java.util.List<String>> LINT_ALLOW = new Key<>("bulwark.secrets.lint.allow",
            Parsers.listOf(Parsers.of("property name", "a property name", raw -> raw), "property names"), "",
            "Packaged keys the lint lets through (a test value, a public identifier that looks random): each one "
                    + "found is logged as a WARNING at every start.",
            "test.db.password, oauth.client-id");

    public static final SecretsKeys CONCERN = new SecretsKeys();

    private SecretsKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(DIR, REFRESH, LINT, LINT_ALLOW);
    }

    @Override
    public SecretsSettings read(ConfigReader reader) {
        return new SecretsSettings(reader.get(DIR), reader.get(REFRESH), reader.get(LINT), reader.get(LINT_ALLOW));
    }
}
