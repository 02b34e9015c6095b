package dev.bulwark.internal.web;

import dev.bulwark.internal.headers.ResponseHeaders;
import jakarta.servlet.http.HttpServletResponse;

/** A servlet response's headers as the header writers see them. */
record ServletResponseHeaders(HttpServletResponse response) implements ResponseHeaders {

    @Override
    public boolean contains(String name) {
        return response.containsHeader(name);
    }

    @Override
    public String get(String name) {
        return response.getHeader(name);
    }

    @Override
    public void set(String name, String value) {
        response.setHeader(name, value);
    }
}
