package dev.bulwark.internal.versioning;

import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyResolver;

/**
 * Finds each resource method's API version in its path at deployment (the first segment {@code v} followed by
 * digits, wherever it comes from: {@code @ApplicationPath}, the class's or the method's {@code @Path}). With
 * {@code bulwark.versioning.source=header} or {@code media-type} the version is the request's, not the endpoint's,
 * and endpoints have no version part.
 */
public final class VersionResolver implements PolicyResolver<ApiVersion> {

    private final VersioningSettings settings;

    public VersionResolver(VersioningSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<ApiVersion> part() {
        return ApiVersion.class;
    }

    @Override
    public String label() {
        return "version";
    }

    @Override
    public ApiVersion resolve(EndpointSite site, Problems problems) {
        if (site.intercepted() || !settings.fromPath() || site.path() == null) {
            return null; // bean methods have no path; header and media-type versions are per request
        }
        String path = site.path();
        int end = versionEnd(path);
        if (end > 0) {
            String version = path.substring(path.lastIndexOf('/', end - 1) + 1, end);
            return new ApiVersion(version, path.substring(0, end), settings.schedule().get(version));
        }
        // a deployment that uses versions (a schedule, or strict mode) flags the endpoints that have none
        return settings.schedule().isEmpty() && !settings.strict() ? null : new ApiVersion(null, null, null);
    }

    /** The first version segment of a path template ({@code v2} of {@code /api/v2/orders}), or null. */
    public static String versionIn(String path) {
        int end = versionEnd(path);
        return end > 0 ? path.substring(path.lastIndexOf('/', end - 1) + 1, end) : null;
    }

    /** Where the first version segment of the path ends, or -1. */
    private static int versionEnd(String path) {
        int start = 0;
        while (start < path.length()) {
            int end = path.indexOf('/', start + 1);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(path.charAt(start) == '/' ? start + 1 : start, end);
            if (isVersionSegment(segment)) {
                return end;
            }
            start = end;
        }
        return -1;
    }

    /** {@code v} followed by one to nine digits: {@code v1}, {@code v2}, {@code v10}. */
    static boolean isVersionSegment(String segment) {
        if (segment.length() < 2 || segment.length() > 10 || segment.charAt(0) != 'v') {
            return false;
        }
        for (int i = 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
