package dev.bulwark.internal.versioning;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * The published schedule: every listed version with its dates, successor, links and brown-out windows, as JSON.
 * It holds nothing secret (the same dates every response of the version announces), so it is public.
 */
public final class ScheduleDocument {

    private ScheduleDocument() {
    }

    public static String json(VersioningSettings settings) {
        JsonArrayBuilder versions = Json.createArrayBuilder();
        for (VersionSchedule s : settings.schedule().values()) {
            versions.add(Json.createObjectBuilder(s.published()).add("afterSunset",
                    settings.serveAfterSunset() ? "served" : "410 Gone"));
        }
        return Json.createObjectBuilder().add("versions", versions).build().toString();
    }
}
