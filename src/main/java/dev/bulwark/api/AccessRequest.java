package dev.bulwark.api;

import java.util.Set;

/**
 * One object-level access question: who asks (from the verified token only: subject, groups and scopes), for
 * which object id (in its canonical form, exactly what the resource method receives), with which HTTP method,
 * through which endpoint ({@code Class#method}).
 */
public record AccessRequest(String subject, Set<String> groups, Set<String> scopes, String objectId, String method,
                            String endpoint) {

    public AccessRequest {
        groups = Set.copyOf(groups);
        scopes = Set.copyOf(scopes);
    }
}
