package dev.bulwark.internal.web;

import dev.bulwark.internal.transport.MethodPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The request as the application sees it: the effective method (after an enabled method override), and without
 * the method-override headers, so that nothing downstream can act on them a second time.
 */
final class EffectiveMethodRequest extends HttpServletRequestWrapper {

    private final String method;

    EffectiveMethodRequest(HttpServletRequest request, String method) {
        super(request);
        this.method = method;
    }

    private static boolean hidden(String name) {
        return name != null && MethodPolicy.OVERRIDE_HEADERS.stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames());
        names.removeIf(EffectiveMethodRequest::hidden);
        return Collections.enumeration(names);
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }
}
