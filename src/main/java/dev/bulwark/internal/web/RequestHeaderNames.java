package dev.bulwark.internal.web;

import dev.bulwark.internal.pipeline.RequestState;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The names of a request's headers, read from the container once per request. Bulwark's steps ask about some
 * twenty headers a request rarely carries (forwarding headers, method overrides, CORS, trace context...); a
 * container looks each name up in its parsed headers (Liberty through a case-insensitive key table), so asking
 * this list first leaves the container only the headers the request has. A container that does not list header
 * names (the servlet API allows it) makes every name count as present: then every header is asked for as before.
 */
final class RequestHeaderNames {

    private static final RequestState.Key<RequestHeaderNames> KEY =
            RequestState.Key.of("request header names", RequestHeaderNames.class);

    /** The names as the container listed them, or null when it did not list them. */
    private final String[] names;

    private RequestHeaderNames(String[] names) {
        this.names = names;
    }

    /** The request's header names, read on the first call for the request. */
    static RequestHeaderNames of(HttpServletRequest request, RequestState state) {
        RequestHeaderNames known = state.get(KEY);
        if (known == null) {
            known = read(request);
            state.put(KEY, known);
        }
        return known;
    }

    static RequestHeaderNames read(HttpServletRequest request) {
        var listed = request.getHeaderNames();
        if (listed == null) {
            return new RequestHeaderNames(null);
        }
        String[] names = new String[8];
        int n = 0;
        while (listed.hasMoreElements()) {
            if (n == names.length) {
                names = Arrays.copyOf(names, n * 2);
            }
            names[n++] = listed.nextElement();
        }
        return new RequestHeaderNames(Arrays.copyOf(names, n));
    }

    /** True when the request may carry the header (always, when the container did not list the names). */
    boolean has(String name) {
        if (names == null) {
            return true;
        }
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The header's first value, or null; the container is asked only when the request carries the header. */
    String get(HttpServletRequest request, String name) {
        return has(name) ? request.getHeader(name) : null;
    }

    /** All of the header's values (none when the request does not carry it). */
    List<String> all(HttpServletRequest request, String name) {
        if (!has(name)) {
            return List.of();
        }
        var values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }

    /** The names, or the container's enumeration when it did not list them. */
    Iterable<String> names(HttpServletRequest request) {
        if (names != null) {
            return Arrays.asList(names);
        }
        var listed = request.getHeaderNames();
        return listed == null ? List.of() : listed::asIterator;
    }
}
