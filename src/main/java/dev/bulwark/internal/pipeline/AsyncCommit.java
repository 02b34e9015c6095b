package dev.bulwark.internal.pipeline;

import java.util.Collection;

/**
 * The servlet layer's commit hook (security headers, rate-limit fields, deprecation fields), for the JAX-RS layer to
 * run on an asynchronous response that has no body. A response with a body runs the hook at its first byte; one
 * without a body is committed by the container when the request completes, after JAX-RS set its status and
 * headers, with nothing passing through Bulwark's response wrapper. So Bulwark's last JAX-RS response filter runs
 * the hook for it, with the status JAX-RS is about to send and the names of the headers it is about to write, which
 * the hook leaves to it. Put in the request's state by the servlet filter when the request goes asynchronous.
 */
@FunctionalInterface
public interface AsyncCommit {

    RequestState.Key<AsyncCommit> KEY = RequestState.Key.of("asynchronous commit hook", AsyncCommit.class);

    /**
     * Runs the hook unless it ran (or the response is committed).
     *
     * @param status  the status JAX-RS is about to set
     * @param pending the names of the headers JAX-RS is about to write
     */
    void beforeCommit(int status, Collection<String> pending);
}
