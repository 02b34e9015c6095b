package dev.bulwark.internal.web;

import dev.bulwark.internal.headers.ResponseHeaders;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.TreeSet;

/**
 * A servlet response's headers as the header writers see them. The names on the response are read once (one call
 * into the container instead of one search per header the writers ask about), and kept up to date with what the
 * writers set; a header the writers know is absent is added without the container searching for one to replace.
 * Used for one round of writers, while nothing else writes to the response.
 */
final class ServletResponseHeaders implements ResponseHeaders {

    private final HttpServletResponse response;
    private final Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    ServletResponseHeaders(HttpServletResponse response) {
        this.response = response;
        names.addAll(response.getHeaderNames());
    }

    @Override
    public boolean contains(String name) {
        return names.contains(name);
    }

    @Override
    public String get(String name) {
        return response.getHeader(name);
    }

    @Override
    public void set(String name, String value) {
        response.setHeader(name, value);
        if (value == null) {
            names.remove(name);
        } else {
            names.add(name);
        }
    }

    @Override
    public void setAbsent(String name, String value) {
        response.addHeader(name, value);
        names.add(name);
    }
}
