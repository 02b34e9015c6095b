package dev.bulwark.inventory;

import java.util.List;

/**
 * One JAX-RS resource method as deployed: HTTP method, full path template (context root, application path,
 * class and method paths), media types, the Java method that serves it, the access decision in force, and what
 * Bulwark found worth a look (no decision, an id in the path without an ownership rule).
 */
public record Endpoint(String httpMethod, String path, List<String> consumes, List<String> produces,
                       String resourceClass, String javaMethod, String access, List<String> findings) {

    public Endpoint {
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
        findings = List.copyOf(findings);
    }

    public String handler() {
        return resourceClass + "#" + javaMethod;
    }
}
