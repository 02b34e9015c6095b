package dev.bulwark.internal.inventory;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.EndpointSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JAX-RS resource method as deployed: HTTP method, full path template (context root, application path,
 * class and method paths), media types, the Java method that serves it, the access decision in force, every other
 * part of its policy (label to description: rate limit, body, headers, ...), and what Bulwark found worth a look
 * (no decision, an id in the path without an ownership rule).
 */
public record Endpoint(String httpMethod, String path, List<String> consumes, List<String> produces,
                       String resourceClass, String javaMethod, String access, Map<String, String> policies,
                       List<String> findings) {

    private static final Pattern ID_PARAMETER = Pattern.compile("\\{(\\w*(?:id|Id|ID)|id\\w*)\\s*(?::[^}]*)?}");

    public Endpoint {
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
        policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        findings = List.copyOf(findings);
    }

    /** The inventory line of a resource method's policy. */
    public static Endpoint of(EndpointPolicy policy) {
        EndpointSite site = policy.site();
        AccessRule rule = policy.get(AccessRule.class);
        Map<String, String> others = new LinkedHashMap<>(policy.described());
        String access = others.remove("access");
        return new Endpoint(site.httpMethod(), site.path(), site.consumes(), site.produces(), site.type().getName(),
                site.method().getName(), access == null ? "NONE: denied by default" : access, others,
                findings(site.path(), rule, policy.findings()));
    }

    /** This endpoint with one more part of its policy ({@code label: text}), or itself when {@code text} is null. */
    public Endpoint withPolicy(String label, String text) {
        if (text == null) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(policies);
        all.put(label, text);
        return new Endpoint(httpMethod, path, consumes, produces, resourceClass, javaMethod, access, all, findings);
    }

    /** This endpoint with more findings (those that compare it with other endpoints). */
    public Endpoint withFindings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(findings);
        all.addAll(more);
        return new Endpoint(httpMethod, path, consumes, produces, resourceClass, javaMethod, access, policies, all);
    }

    private static List<String> findings(String path, AccessRule rule, List<String> others) {
        List<String> findings = new ArrayList<>();
        if (rule == null || !rule.decided()) {
            findings.add("no access decision: every request is refused");
        }
        if (rule != null && rule.owner() == null && !rule.denyAll() && path != null
                && ID_PARAMETER.matcher(path).find()) {
            findings.add("an id in the path without an ownership rule (@OwnedBy)");
        }
        findings.addAll(others);
        return findings;
    }

    /** True when the endpoint has no access decision (deny by default refuses every request). */
    public boolean undecided() {
        return !findings.isEmpty() && findings.get(0).startsWith("no access decision");
    }

    public String handler() {
        return resourceClass + "#" + javaMethod;
    }
}
