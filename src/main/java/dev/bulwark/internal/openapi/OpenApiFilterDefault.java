package dev.bulwark.internal.openapi;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Names {@link BulwarkOpenApiFilter} as the application's MicroProfile OpenAPI filter ({@code mp.openapi.filter}),
 * at the lowest ordinal: any value the application sets, in any source, wins (MicroProfile OpenAPI takes one filter).
 * Registered in META-INF/services; a server without MicroProfile OpenAPI never reads the key, and this class names
 * the filter only as a string, so it loads there too.
 */
public final class OpenApiFilterDefault implements ConfigSource {

    static final String KEY = "mp.openapi.filter";
    /** By name: loading the filter class needs the MicroProfile OpenAPI API, which not every server has. */
    static final String FILTER = "dev.bulwark.internal.openapi.BulwarkOpenApiFilter";
    private static final Map<String, String> VALUES = Map.of(KEY, FILTER);

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return VALUES;
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "Bulwark defaults (" + KEY + ")";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
