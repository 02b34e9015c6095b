package dev.bulwark.internal.versioning;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

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
            JsonObjectBuilder v = Json.createObjectBuilder().add("version", s.name());
            if (s.deprecated() != null) {
                v.add("deprecated", s.deprecated().toString());
            }
            if (s.sunset() != null) {
                v.add("sunset", s.sunset().toString());
            }
            if (s.successor() != null) {
                v.add("successor", s.successor());
            }
            if (s.link() != null) {
                v.add("link", s.link().toString());
            }
            if (s.sunsetLink() != null) {
                v.add("sunsetLink", s.sunsetLink().toString());
            }
            JsonArrayBuilder windows = Json.createArrayBuilder();
            s.brownOuts().forEach(w -> windows.add(Json.createObjectBuilder().add("start", w.start().toString())
                    .add("end", w.end().toString())));
            v.add("brownOuts", windows);
            v.add("afterSunset", settings.serveAfterSunset() ? "served" : "410 Gone");
            versions.add(v);
        }
        return Json.createObjectBuilder().add("versions", versions).build().toString();
    }
}
