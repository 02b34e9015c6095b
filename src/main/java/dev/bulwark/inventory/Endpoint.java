package dev.bulwark.inventory;

import java.util.List;

/**
 * One JAX-RS resource method as deployed: HTTP method, full path template (context root, application path,
 * class and method paths), media types, and the Java method that serves it.
 */
public record Endpoint(String httpMethod, String path, List<String> consumes, List<String> produces,
                       String resourceClass, String javaMethod) {

    public Endpoint {
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
    }

    public String handler() {
        return resourceClass + "#" + javaMethod;
    }
}
