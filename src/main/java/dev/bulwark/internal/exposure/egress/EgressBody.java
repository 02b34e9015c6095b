package dev.bulwark.internal.exposure.egress;

import java.io.IOException;

/** One response body under the egress check, as the servlet adapter drives it around the application. */
public interface EgressBody {

    /** The application is done: what is still held back (a string left open, the buffer) goes out. */
    void end() throws IOException;

    /** Stops holding the body back (the response outlives the request's filter: asynchronous processing). */
    void release() throws IOException;

    /** True while the whole body is held back (nothing of it went to the container). */
    boolean holdingBack();

    /** True when the response must be replaced by the generic problem (nothing of it went out). */
    boolean refused();
}
