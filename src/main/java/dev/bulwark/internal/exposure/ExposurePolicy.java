package dev.bulwark.internal.exposure;

import dev.bulwark.internal.pipeline.PolicyPart;
import dev.bulwark.internal.pipeline.RequestState;
import java.util.List;
import java.util.Set;

/**
 * The exposure part of a resource method's policy: its views (none: no allow-list, every name but the sensitive
 * ones leaves), the names held back everywhere, what the response type would carry per view (for the inventory),
 * and the lint's findings.
 *
 * @param views          the {@code @ResponseFields} views, at most {@value ExposureResolver#MAX_VIEWS}
 * @param sensitiveNames names that never leave unless a list names them (the deployment refuses that)
 * @param heldBack       JSON names of {@code @Sensitive} properties of the response type (whatever their
 *                       visibility), held back at any depth
 * @param leaving        per view (or "all callers" without views), the paths of the response type that leave
 * @param findings       what the lint found
 */
public record ExposurePolicy(List<ResponseView> views, SensitiveNames sensitiveNames, Set<String> heldBack,
                             List<String> leaving, List<String> findings) implements PolicyPart {

    /**
     * Set when the response has an error status, 4xx or 5xx (an exception mapper's entity, say): the views describe
     * what the method returns (redirects included), so such an entity is held to the sensitive names only.
     */
    public static final RequestState.Key<Boolean> ERROR_STATUS = RequestState.Key.of("exposure: error status",
            Boolean.class);

    public ExposurePolicy {
        views = List.copyOf(views);
        heldBack = Set.copyOf(heldBack);
        leaving = List.copyOf(leaving);
        findings = List.copyOf(findings);
    }

    /** The exposure findings of a deployment's endpoints, one line each ("GET /path: finding; finding"). */
    public static List<String> findings(List<dev.bulwark.internal.pipeline.EndpointPolicy> policies) {
        List<String> out = new java.util.ArrayList<>();
        for (dev.bulwark.internal.pipeline.EndpointPolicy p : policies) {
            ExposurePolicy exposure = p.get(ExposurePolicy.class);
            if (exposure != null && !exposure.findings().isEmpty()) {
                out.add(p.site().httpMethod() + " " + p.site().path() + ": " + String.join("; ", exposure.findings()));
            }
        }
        return out;
    }

    /** True when the endpoint declares an allow-list. */
    public boolean allowList() {
        return !views.isEmpty();
    }

    /** The views the caller qualifies for, one bit each (always 0 without an allow-list). */
    public int mask(ResponseView.Caller caller) {
        int mask = 0;
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).matches(caller)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** The names the views of a mask let out together: {@link FieldPaths#ANY} without an allow-list. */
    public FieldPaths paths(int mask) {
        if (views.isEmpty()) {
            return FieldPaths.ANY;
        }
        FieldPaths union = FieldPaths.NONE;
        for (int i = 0; i < views.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                union = union.union(views.get(i).paths());
            }
        }
        return union;
    }

    /** How many view combinations a caller can fall into. */
    public int masks() {
        return 1 << views.size();
    }

    @Override
    public String describe() {
        return String.join(" | ", leaving);
    }

    @Override
    public List<String> findings() {
        return findings;
    }
}
