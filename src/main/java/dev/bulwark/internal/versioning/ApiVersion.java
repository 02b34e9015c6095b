package dev.bulwark.internal.versioning;

import dev.bulwark.internal.pipeline.PolicyPart;
import java.util.List;

/**
 * The version part of an endpoint's policy, from its path at deployment: the version ({@code v1}), the path up to
 * and including its version segment ({@code /shop/api/v1}, what a request's path is matched against), and the
 * version's schedule when it has one. An endpoint of a deployment that uses versions but whose path has none has
 * a part with no name: an inventory finding.
 *
 * @param name     the version, or null when the path has none
 * @param prefix   the path up to the version segment, or null
 * @param schedule the version's lifecycle, or null when none is configured
 */
public record ApiVersion(String name, String prefix, VersionSchedule schedule) implements PolicyPart {

    static final String UNVERSIONED = "no API version in the path (a segment such as /v1/)";

    @Override
    public String describe() {
        if (name == null) {
            return "none";
        }
        return schedule == null || !schedule.scheduled() ? name : name + " (" + schedule.describe() + ")";
    }

    @Override
    public List<String> findings() {
        return name == null ? List.of(UNVERSIONED) : List.of();
    }
}
