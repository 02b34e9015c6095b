package dev.bulwark.internal.headers;

import dev.bulwark.internal.pipeline.RequestState;

/**
 * The servlet layer's commit hook (security headers, rate-limit fields, deprecation fields) for the JAX-RS layer to
 * run on an asynchronous response. The container commits an asynchronous response when the request completes, after
 * the runtime wrote its status and headers, and one without a body (a 204, or an entity that writes no byte) passes
 * through Bulwark's response wrapper not at all. So Bulwark's last JAX-RS response filter runs the hook on every
 * asynchronous response, with the status and content type JAX-RS is about to send and its headers as
 * {@link PendingHeaders}. On a request that did not go asynchronous it does nothing (the wrapper runs the hook).
 * Put in the request's state by the servlet filter before the chain, so that a response resumed on another thread
 * before the filter returned finds it.
 */
public interface AsyncCommit {

    /**
     * Present exactly when Bulwark's servlet filter wraps the response: its commit hook then writes the security
     * headers and the fields of the other steps (the rate limit's), which need not write them themselves.
     */
    RequestState.Key<AsyncCommit> KEY = RequestState.Key.of("asynchronous commit hook", AsyncCommit.class);

    /** True when the request went asynchronous: the hook is this filter's to run (asked first, it costs little). */
    boolean asynchronous();

    /**
     * Runs the hook, unless it ran or the response is committed.
     *
     * @param status      the status JAX-RS is about to set
     * @param contentType the content type JAX-RS is about to set, or null
     * @param pending     the headers JAX-RS is about to write
     */
    void beforeCommit(int status, String contentType, PendingHeaders pending);
}
