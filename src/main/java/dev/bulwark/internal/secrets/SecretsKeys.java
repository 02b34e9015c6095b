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

    public static final SecretsKeys CONCERN = new SecretsKeys();

    private SecretsKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(DIR, REFRESH);
    }

    @Override
    public SecretsSettings read(ConfigReader reader) {
        return new SecretsSettings(reader.get(DIR), reader.get(REFRESH));
    }
}
