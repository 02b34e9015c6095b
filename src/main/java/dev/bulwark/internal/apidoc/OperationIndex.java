package dev.bulwark.internal.apidoc;

import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.EndpointSite;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the resource method behind an OpenAPI operation: by HTTP method and path template, parameter names and
 * regular expressions ignored ({@code /orders/{id: [0-9]+}} is {@code /orders/{}}). The model's templates include
 * the context root and a document's paths may not (the server URL holds it), or the other way round (a model built
 * before the web module started has no context root; Liberty's merged document has it): a document path matches a
 * template when one ends with the other at a segment boundary, and only when that names one policy.
 */
public final class OperationIndex {

    private final Map<String, OperationContract> byTemplate = new HashMap<>();

    /** @param policies the resource methods' policies (bean methods are skipped) */
    public OperationIndex(List<EndpointPolicy> policies) {
        for (EndpointPolicy policy : policies) {
            EndpointSite site = policy.site();
            if (site.kind() != EndpointSite.Kind.RESOURCE || site.httpMethod() == null || site.path() == null) {
                continue;
            }
            byTemplate.putIfAbsent(key(site.httpMethod(), normalize(site.path())), OperationContract.of(policy));
        }
    }

    /** The contract of the operation at {@code path} (as the document writes it) for {@code method}, or null. */
    public OperationContract find(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        String p = normalize(path);
        OperationContract exact = byTemplate.get(key(m, p));
        if (exact != null) {
            return exact;
        }
        OperationContract found = null;
        String prefix = m + " ";
        for (Map.Entry<String, OperationContract> e : byTemplate.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith(prefix)) {
                continue;
            }
            if (!suffixMatch(k.substring(prefix.length()), p)) {
                continue;
            }
            if (found != null && !found.equals(e.getValue())) {
                return null; // two endpoints with different policies could be meant: do not guess
            }
            found = e.getValue();
        }
        return found;
    }

    /**
     * Whether an endpoint's path template and a document's path name the same resource: equal once normalized, or
     * one ends with the other at a segment boundary (the context root or the server's base path on one side only).
     */
    public static boolean matches(String template, String documentPath) {
        return suffixMatch(normalize(template), normalize(documentPath));
    }

    private static boolean suffixMatch(String template, String path) {
        // both start with '/': one ends with the other at a segment boundary
        return template.endsWith(path) || path.endsWith(template);
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }

    /** {@code /a//b/{id: [0-9]+}/} becomes {@code /a/b/{}}. */
    public static String normalize(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (depth > 0) {
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    out.append('}');
                }
                continue;
            }
            if (c == '{') {
                depth = 1;
                out.append('{');
            } else if (c == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '/') {
                continue;
            } else {
                out.append(c);
            }
        }
        if (out.length() == 0 || out.charAt(0) != '/') {
            out.insert(0, '/');
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
