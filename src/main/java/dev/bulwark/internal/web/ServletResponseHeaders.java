package dev.bulwark.internal.web;

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
 */
final class ServletResponseHeaders implements ResponseHeaders {

    private final HttpServletResponse response;
    /** The names on the response (a few at commit time: a list searched in order beats hashing or sorting). */
    private final List<String> names;

    ServletResponseHeaders(HttpServletResponse response) {
        this(response, List.of());
    }

    /** @param pending names of headers to be written later by someone else, counted as present */
    ServletResponseHeaders(HttpServletResponse response, Collection<String> pending) {
        this.response = response;
        Collection<String> listed = response.getHeaderNames();
        this.names = new ArrayList<>(listed.size() + pending.size() + 16);
        names.addAll(listed);
        names.addAll(pending);
    }

    @Override
    public boolean contains(String name) {
        return indexOf(name) >= 0;
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
        return response.getHeader(name);
    }

    @Override
    public void set(String name, String value) {
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
}
