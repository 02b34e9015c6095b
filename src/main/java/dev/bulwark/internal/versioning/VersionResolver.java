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
        int start = 0;
        while (start < path.length()) {
            int end = path.indexOf('/', start + 1);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(path.charAt(start) == '/' ? start + 1 : start, end);
            if (isVersionSegment(segment)) {
                return new ApiVersion(segment, path.substring(0, end), settings.schedule().get(segment));
            }
            start = end;
        }
        // a deployment that uses versions (a schedule, or strict mode) flags the endpoints that have none
        return settings.schedule().isEmpty() && !settings.strict() ? null : new ApiVersion(null, null, null);
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
