package dev.bulwark.internal.versioning;

import java.time.Instant;
import java.util.Map;

/**
 * What the MicroProfile OpenAPI document says about the operations of a scheduled version: deprecated once the
 * version's deprecation date has passed (when the document is built, at start-up), and an extension
 * {@code x-bulwark-lifecycle} with the dates, the successor and the links, for every operation of a version that
 * has a deprecation or a sunset. Plain data: the OpenAPI filter ({@code openapi.VersionLifecycleFilter}) applies it.
 */
public final class OpenApiLifecycle {

    /** The extension's name. */
    public static final String EXTENSION = "x-bulwark-lifecycle";

    /** What to do to the operations of one path. */
    public record Mark(boolean deprecated, Map<String, Object> extension) {
    }

    private OpenApiLifecycle() {
    }

    /**
     * The mark of the operations of a documented path, or null when its version has no schedule (or the versions
     * are not in the paths: {@code source=header} or {@code media-type}).
     */
    public static Mark of(VersioningSettings settings, String path, Instant now) {
        if (!settings.fromPath() || path == null) {
            return null;
        }
        String version = VersionResolver.versionIn(path);
        VersionSchedule s = version == null ? null : settings.schedule().get(version);
        if (s == null || !s.scheduled()) {
            return null;
        }
        return new Mark(s.stage(now) != VersionSchedule.Stage.ACTIVE, s.published());
    }
}
