package dev.bulwark.internal.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The central baseline ({@link Baseline}) as a MicroProfile Config source, registered in META-INF/services, at
 * ordinal {@value #ORDINAL}: below {@code microprofile-config.properties} (100), so a service's own value of a key
 * wins, and is then held to the baseline's at deployment (a loosening fails it). Read once, when the configuration
 * starts; a baseline that cannot be read holds nothing here and fails the deployment (the CDI extension reads it
 * again to check). Without a configured baseline it holds nothing.
 */
public final class BaselineConfigSource implements ConfigSource {

    public static final int ORDINAL = 50;

    private final Path file;
    private final Map<String, String> values;

    public BaselineConfigSource() {
        this(Baseline.locate());
    }

    BaselineConfigSource(Path file) {
        this.file = file;
        Map<String, String> read = Map.of();
        if (file != null) {
            try {
                read = Baseline.read(file);
            } catch (IOException | IllegalArgumentException e) {
                read = Map.of(); // the deployment check reports it
            }
        }
        this.values = read;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "Bulwark central baseline" + (file == null ? " (none)" : " (" + file + ")");
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
