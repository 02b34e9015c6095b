package dev.bulwark.internal.headers;

import java.util.List;

/**
 * The {@code Content-Security-Policy} of the browser UIs the application serves itself
 * ({@code bulwark.headers.ui-paths}): a Swagger UI in the WAR cannot run under the API's {@code default-src 'none'}.
 * It runs after the resource's overrides and before the static set, which then leaves the UI's policy in place; an
 * application's own CSP on the response still wins. Matched against the path the container resolved, so a path
 * that only starts like a UI path in its raw form ({@code /ui/..;/api/x}) keeps the API's policy.
 */
public final class UiPolicyWriter implements HeaderWriter {

    private final List<String> paths;
    private final String policy;

    /** @param paths path prefixes below the context root; {@code policy} null: the UI paths keep the API's CSP */
    public UiPolicyWriter(List<String> paths, String policy) {
        this.paths = List.copyOf(paths);
        this.policy = policy;
    }

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        if (policy != null && ui(facts.path())) {
            HeaderWriter.writeDefault(facts, headers, HeaderKeys.CONTENT_SECURITY_POLICY, policy);
        }
    }

    boolean ui(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : paths) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
