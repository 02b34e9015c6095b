package dev.bulwark.internal.versioning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API versioning: where a request's version comes from, the schedule of each listed version, and what the
 * deployment does with them.
 *
 * @param source           {@code path}, {@code header} or {@code media-type}
 * @param schedule         version name to schedule, in the order listed
 * @param serveAfterSunset keep serving a version after its sunset (a warning at start-up)
 * @param maxClients       distinct client ids kept apart by the usage counters
 */
public record VersioningSettings(String source, String header, String mediaTypeParameter,
                                 Map<String, VersionSchedule> schedule, boolean strict, boolean serveAfterSunset,
                                 boolean endpointEnabled, String endpointPath, int maxClients) {

    public VersioningSettings {
        schedule = Collections.unmodifiableMap(new LinkedHashMap<>(schedule));
    }

    /** Versions come from the endpoints' paths (resolved at deployment). */
    public boolean fromPath() {
        return "path".equals(source);
    }
}
