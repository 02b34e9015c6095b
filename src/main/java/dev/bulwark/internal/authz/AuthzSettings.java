package dev.bulwark.internal.authz;

/** Authorization: deny-by-default strictness, the status of refused objects, the scope claim. */
public record AuthzSettings(boolean strict, int objectDeniedStatus, String scopeClaim) {
}
