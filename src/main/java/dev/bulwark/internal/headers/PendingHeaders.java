package dev.bulwark.internal.headers;

import java.util.List;

/**
 * Headers another layer is about to write onto the response after Bulwark's commit hook ran: an asynchronous JAX-RS
 * response's own, which the runtime copies onto the container's response when it sends it. The hook reads and
 * changes them here, so that what the runtime writes last is what Bulwark decided (a forced {@code Cache-Control}
 * on an error, an {@code @SecurityHeader} override), and nothing is written twice.
 */
public interface PendingHeaders extends ResponseHeaders {

    /** Adds a value to the header (another {@code Link}). */
    void add(String name, String value);

    /** Every value of the header (empty when absent). */
    List<String> values(String name);
}
