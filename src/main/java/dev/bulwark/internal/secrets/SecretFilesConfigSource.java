package dev.bulwark.internal.secrets;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The secret directory ({@link SecretDirectory}) as a MicroProfile Config source, registered in META-INF/services:
 * every file is a property (its name the key), for Bulwark and for the application alike. Its ordinal,
 * {@value #ORDINAL}, puts it above {@code microprofile-config.properties} (100), so that a secret mounted by the
 * platform wins over a value packaged in the WAR, and below environment variables (300) and system properties (400).
 * Values are read again at most every {@value #REFRESH_SECONDS} seconds. Without a configured directory it holds
 * nothing. It never logs: Bulwark's own watcher ({@code bulwark.secrets.refresh}) reports changes.
 */
public final class SecretFilesConfigSource implements ConfigSource {

    public static final int ORDINAL = 270;
    static final int REFRESH_SECONDS = 1;

    private final SecretFiles files;

    public SecretFilesConfigSource() {
        this(SecretDirectory.locate() == null ? null : new SecretFiles(SecretDirectory.locate(), Clock.systemUTC(),
                Duration.ofSeconds(REFRESH_SECONDS), change -> {
                }));
    }

    SecretFilesConfigSource(SecretFiles files) {
        this.files = files;
    }

    @Override
    public Set<String> getPropertyNames() {
        return files == null ? Set.of() : files.all().keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return files == null ? Map.of() : files.all();
    }

    @Override
    public String getValue(String propertyName) {
        return files == null ? null : files.get(propertyName).orElse(null);
    }

    @Override
    public String getName() {
        return "Bulwark secret files" + (files == null ? " (none: " + SecretDirectory.PROPERTY + " is not set)"
                : " (" + files.dir() + ")");
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
