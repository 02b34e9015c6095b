package dev.bulwark.internal.web;

import dev.bulwark.internal.headers.PendingHeaders;
import dev.bulwark.internal.headers.ResponseHeaders;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A servlet response's headers as the header writers see them. The names on the response are read once (one call
 * into the container instead of one search per header the writers ask about), and kept up to date with what the
 * writers set; a header the writers know is absent is added without the container searching for one to replace.
 * Used for one round of writers, while nothing else writes to the response.
 *
 * <p>With {@link PendingHeaders} (an asynchronous JAX-RS response's headers, which the runtime writes onto the
 * response after the writers ran): a header there counts as present, is read there and is changed there, so that the
 * runtime's last write carries what the writers decided; a header in neither place goes straight onto the response.
 */
final class ServletResponseHeaders implements ResponseHeaders {

    private final HttpServletResponse response;
    /** The names on the response (a few at commit time: a list searched in order beats hashing or sorting). */
    private final List<String> names;
    /** Headers written after the writers ran, or null. */
    private final PendingHeaders pending;

    ServletResponseHeaders(HttpServletResponse response) {
        this(response, null);
    }

    ServletResponseHeaders(HttpServletResponse response, PendingHeaders pending) {
        this.response = response;
        this.pending = pending;
        Collection<String> listed = response.getHeaderNames();
        this.names = new ArrayList<>(listed.size() + 16);
        names.addAll(listed);
    }

    private boolean isPending(String name) {
        return pending != null && pending.contains(name);
    }

    @Override
    public boolean contains(String name) {
        return indexOf(name) >= 0 || isPending(name);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String get(String name) {
        return isPending(name) ? pending.get(name) : response.getHeader(name);
    }

    @Override
    public void set(String name, String value) {
        if (isPending(name)) {
            pending.set(name, value);
            if (value != null) {
                return; // the runtime's write replaces whatever the response has
            }
        }
        response.setHeader(name, value);
        int at = indexOf(name);
        if (value == null) {
            while (at >= 0) {
                names.remove(at);
                at = indexOf(name);
            }
        } else if (at < 0) {
            names.add(name);
        }
    }

    @Override
    public void setAbsent(String name, String value) {
        response.addHeader(name, value);
        names.add(name);
    }

    /** Adds a value to a header that may have some. */
    void add(String name, String value) {
        if (isPending(name)) {
            pending.add(name, value);
        } else {
            response.addHeader(name, value);
            if (indexOf(name) < 0) {
                names.add(name);
            }
        }
    }

    /** Every value of the header. */
    Iterable<String> values(String name) {
        if (isPending(name)) {
            return pending.values(name);
        }
        Collection<String> values = response.getHeaders(name);
        return values == null ? List.of() : values;
    }
}
