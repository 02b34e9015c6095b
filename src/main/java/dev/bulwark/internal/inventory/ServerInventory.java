package dev.bulwark.internal.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The second half of the start-up inventory: every endpoint a client of this server can reach beside the JAX-RS
 * resources of the table above, and how far Bulwark covers it, as far as an application can find out at run time.
 * What it cannot find out is said in the report too.
 *
 * <p>Sources: the servlet registrations and root resources of this web module; the MicroProfile APIs the server
 * makes visible to the application (each one means a feature with its own endpoint, served by a web module of the
 * server, never by this one); whether a context root is served on this application's virtual host
 * ({@code ServletContext.getContext}); and, where the platform publishes them (Open Liberty's JMX beans), the other
 * applications and the HTTP listeners of the server.
 */
public final class ServerInventory {

    static final String HERE = ", served on this application's host and ports";
    static final String ELSEWHERE = ", not on this application's host and ports (moved elsewhere, or not enabled)";

    /** Bulwark's filter alone: what every request of the module gets, and what only JAX-RS resources get. */
    static final String FILTER_ONLY = "filter only (HTTPS, Host, methods, CORS, body size, headers, problems);"
            + " no access decision, rate limit or JSON validation";
    static final String NOT_COVERED = "not covered (a web module of the server)";

    /** A servlet of this web module as its registration describes it. */
    public record Servlet(String name, String className, Collection<String> mappings) {
        public Servlet {
            mappings = List.copyOf(new TreeSet<>(mappings));
        }
    }

    /** Where the server provides a class the application can see. */
    public enum Visibility { SERVER, APPLICATION, NONE }

    /** What the platform lets an application see of the server around it. */
    public interface Environment {

        /** The servlets registered in this web module. */
        List<Servlet> servlets();

        /** The entries at the root of the web module that the container serves as static files. */
        Set<String> staticEntries();

        /** Whether {@code className} is visible to the application, and from where. */
        Visibility api(String className);

        /** Whether a web module other than this one serves {@code contextRoot} on this application's virtual host. */
        boolean servedHere(String contextRoot);

        /** The applications of the server (this one among them), when the platform publishes them. */
        Optional<List<String>> applications();

        /** The server's HTTP listeners ({@code name host:port...}), when the platform publishes them. */
        Optional<List<String>> listeners();
    }

    /** One line of the report. */
    public record Row(String where, String what, String bulwark) {
    }

    /** A MicroProfile feature: the API class that shows it is there, and the context roots its endpoints live at. */
    record Feature(String name, String apiClass, List<String> contextRoots) {
    }

    static final List<Feature> MICROPROFILE = List.of(
            new Feature("MicroProfile Health", "org.eclipse.microprofile.health.HealthCheck",
                    List.of("/health")),
            new Feature("MicroProfile Metrics", "org.eclipse.microprofile.metrics.MetricRegistry",
                    List.of("/metrics")),
            new Feature("MicroProfile OpenAPI", "org.eclipse.microprofile.openapi.OASFactory",
                    List.of("/openapi", "/openapi/ui")));

    /** Context roots of web modules that Open Liberty features add (admin REST handlers, JWT, JMX, Admin Center). */
    static final List<String> SERVER_MODULES = List.of("/ibm/api", "/jwt", "/IBMJMXConnectorREST", "/adminCenter");

    static final List<String> UNKNOWABLE = List.of(
            "the port and virtual host of a module that is not on this application's host",
            "endpoints the server adds outside web modules, and ones not named here",
            "whether another application has Bulwark in WEB-INF/lib",
            "what a proxy or gateway in front of the server exposes");

    private ServerInventory() {
    }

    /**
     * @param contextPath     this module's context root
     * @param jaxrsServlets   names of the servlets that serve the JAX-RS applications of the table above
     * @param bulwarkServlets Bulwark's own servlets, by name, with what they are
     */
    public static List<Row> rows(String contextPath, Set<String> jaxrsServlets,
                                 java.util.Map<String, String> bulwarkServlets, Environment env) {
        List<Row> rows = new ArrayList<>();
        for (Servlet s : env.servlets()) {
            if (jaxrsServlets.contains(s.name()) || s.mappings().isEmpty()) {
                continue;
            }
            String where = where(contextPath, s.mappings());
            String bulwark = bulwarkServlets.get(s.name());
            rows.add(bulwark != null ? new Row(where, bulwark, "Bulwark's own")
                    : new Row(where, "servlet " + s.className(), FILTER_ONLY));
        }
        Set<String> statics = new TreeSet<>(env.staticEntries());
        if (!statics.isEmpty()) {
            rows.add(new Row(where(contextPath, statics), "static files", FILTER_ONLY));
        }
        for (Feature f : MICROPROFILE) {
            Visibility v = env.api(f.apiClass());
            if (v == Visibility.NONE) {
                continue;
            }
            String what = f.name() + (v == Visibility.SERVER ? " (its API is provided by the server)"
                    : " (its API is in the application: the server may not serve it)");
            rows.add(new Row(String.join(", ", f.contextRoots()), what,
                    NOT_COVERED + placement(f.contextRoots(), env)));
        }
        for (String root : SERVER_MODULES) {
            if (env.servedHere(root)) {
                rows.add(new Row(root, "a web module of the server", NOT_COVERED + HERE));
            }
        }
        env.applications().ifPresent(apps -> rows.add(new Row("applications", String.join(", ", apps),
                "each covered only if it has Bulwark in WEB-INF/lib")));
        env.listeners().ifPresent(listeners -> {
            for (String listener : listeners) {
                rows.add(new Row("listener " + listener, "an HTTP endpoint of the server", "-"));
            }
        });
        return List.copyOf(rows);
    }

    private static String placement(List<String> roots, Environment env) {
        for (String root : roots) {
            if (env.servedHere(root)) {
                return HERE;
            }
        }
        return ELSEWHERE;
    }

    private static String where(String contextPath, Collection<String> patterns) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(p.isEmpty() ? contextPath + "/" : contextPath + (p.startsWith("/") ? p : "/" + p));
        }
        return String.join(", ", out);
    }

    /** The report as the start-up log shows it. */
    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("Bulwark: what else this server serves, and how far Bulwark covers it ("
                + rows.size() + " entries)\n");
        int w0 = "WHERE".length();
        int w1 = "WHAT".length();
        for (Row r : rows) {
            w0 = Math.max(w0, r.where().length());
            w1 = Math.max(w1, r.what().length());
        }
        out.append(line(w0, w1, "WHERE", "WHAT", "BULWARK"));
        for (Row r : rows) {
            out.append(line(w0, w1, r.where(), r.what(), r.bulwark()));
        }
        out.append("Cannot be known from inside the application:\n");
        for (String u : UNKNOWABLE) {
            out.append("  ").append(u).append('\n');
        }
        return out.toString();
    }

    private static String line(int w0, int w1, String a, String b, String c) {
        return "  " + a + " ".repeat(w0 - a.length()) + "  " + b + " ".repeat(w1 - b.length()) + "  " + c + "\n";
    }
}
