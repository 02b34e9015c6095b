package dev.bulwark.bench.e2e.floor;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Only in {@code bulwark-e2e-floor.war} (the application without Bulwark, plus this filter): adds to every response
 * the header lines Bulwark's {@code /with} sent in the same run, as fixed values, and does nothing else. It is what
 * the headers alone cost (the container writing them, the bytes on the wire, TLS), which no implementation of the
 * same headers can avoid: {@code benchmarks/e2e.sh} with {@code E2E_FLOOR=1} measures it next to {@code /with} and
 * {@code /without}. The lines are read from the file named by the system property {@code e2e.floor.headers}, which
 * the script writes from {@code /with}'s responses before the first request here: {@code anonymous} lines for a
 * request without an {@code Authorization} header, {@code authenticated} lines for one with it, each
 * {@code kind TAB name TAB value}.
 */
@WebFilter("/*")
public class SameHeadersFilter implements Filter {

    private record Lines(List<String[]> anonymous, List<String[]> authenticated) {
    }

    private volatile Lines lines;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Lines known = lines();
        List<String[]> add = ((HttpServletRequest) request).getHeader("Authorization") == null
                ? known.anonymous() : known.authenticated();
        HttpServletResponse http = (HttpServletResponse) response;
        for (String[] h : add) {
            http.addHeader(h[0], h[1]);
        }
        chain.doFilter(request, response);
    }

    private Lines lines() {
        Lines known = lines;
        if (known == null) {
            String file = System.getProperty("e2e.floor.headers");
            if (file == null) {
                throw new IllegalStateException("no e2e.floor.headers system property");
            }
            List<String[]> anonymous = new ArrayList<>();
            List<String[]> authenticated = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t", 3);
                    if (f.length == 3) {
                        (f[0].equals("authenticated") ? authenticated : anonymous).add(new String[] {f[1], f[2]});
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            known = new Lines(List.copyOf(anonymous), List.copyOf(authenticated));
            lines = known;
        }
        return known;
    }
}
