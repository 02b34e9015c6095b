package dev.bulwark.api;

/**
 * The application's rule for one kind of owned object, named by {@link OwnedBy#policy()} and looked up as a CDI
 * bean. Return true only when the object exists and the caller may use it with this method: a missing object
 * and a forbidden one must both be false, and the client sees them exactly alike.
 */
public interface ObjectAccessPolicy {

    boolean permits(AccessRequest request);
}
