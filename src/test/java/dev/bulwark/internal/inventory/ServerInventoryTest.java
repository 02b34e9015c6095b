package dev.bulwark.internal.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerInventoryTest {

    /** A server as an application might see it; each part can be changed per test. */
    private record FakeServer(List<ServerInventory.Servlet> servlets, Set<String> staticEntries,
                              Map<String, ServerInventory.Visibility> apis, Set<String> here,
                              Optional<List<String>> applications, Optional<List<String>> listeners)
            implements ServerInventory.Environment {

        @Override
        public ServerInventory.Visibility api(String className) {
            return apis.getOrDefault(className, ServerInventory.Visibility.NONE);
        }

        @Override
        public boolean servedHere(String contextRoot) {
            return here.contains(contextRoot);
        }
    }

    private static final List<ServerInventory.Servlet> SERVLETS = List.of(
            new ServerInventory.Servlet("dev.example.Api", "org.example.RestServlet", List.of("/api/*")),
            new ServerInventory.Servlet("bulwark-error", "dev.bulwark.internal.web.ErrorPageServlet", List.of("/bulwark/error")),
            new ServerInventory.Servlet("legacy", "dev.example.LegacyServlet", List.of("/legacy/*", "*.do")),
            new ServerInventory.Servlet("unmapped", "dev.example.Unmapped", List.of()));

    private static List<ServerInventory.Row> rows(ServerInventory.Environment env) {
        return ServerInventory.rows("/app", Set.of("dev.example.Api"), Map.of("bulwark-error", "Bulwark's error page"),
                env);
    }

    @Test
    void servletsOutsideJaxRsAreCoveredByTheFilterOnly() {
        List<ServerInventory.Row> rows = rows(new FakeServer(SERVLETS, Set.of("/index.html", "/docs/"), Map.of(),
                Set.of(), Optional.empty(), Optional.empty()));
        assertThat(rows).containsExactly(
                new ServerInventory.Row("/app/bulwark/error", "Bulwark's error page", "Bulwark's own"),
                new ServerInventory.Row("/app/*.do, /app/legacy/*", "servlet dev.example.LegacyServlet",
                        ServerInventory.FILTER_ONLY),
                new ServerInventory.Row("/app/docs/, /app/index.html", "static files", ServerInventory.FILTER_ONLY));
    }

    @Test
    void microProfileFeaturesAreNamedWithWhereTheyAre() {
        List<ServerInventory.Row> rows = rows(new FakeServer(List.of(), Set.of(), Map.of(
                "org.eclipse.microprofile.health.HealthCheck", ServerInventory.Visibility.SERVER,
                "org.eclipse.microprofile.openapi.OASFactory", ServerInventory.Visibility.SERVER,
                "org.eclipse.microprofile.metrics.MetricRegistry", ServerInventory.Visibility.APPLICATION),
                Set.of("/openapi/ui", "/jwt"), Optional.empty(), Optional.empty()));
        assertThat(rows).extracting(ServerInventory.Row::where)
                .containsExactly("/health", "/metrics", "/openapi, /openapi/ui", "/jwt");
        assertThat(rows.get(0).bulwark()).endsWith(ServerInventory.ELSEWHERE);
        assertThat(rows.get(1).what()).contains("its API is in the application");
        assertThat(rows.get(2).bulwark()).startsWith(ServerInventory.NOT_COVERED).endsWith(ServerInventory.HERE);
        assertThat(rows.get(3).bulwark()).endsWith(ServerInventory.HERE);
    }

    @Test
    void applicationsAndListenersAppearWhenThePlatformPublishesThem() {
        List<ServerInventory.Row> rows = rows(new FakeServer(List.of(), Set.of(), Map.of(), Set.of(),
                Optional.of(List.of("orders", "billing")), Optional.of(List.of("defaultHttpEndpoint 0.0.0.0:9080"))));
        assertThat(rows).extracting(ServerInventory.Row::where)
                .containsExactly("applications", "listener defaultHttpEndpoint 0.0.0.0:9080");
        assertThat(rows.get(0).what()).isEqualTo("orders, billing");
    }

    @Test
    void theTableSaysPlainlyWhatCannotBeKnown() {
        String table = ServerInventory.table(rows(new FakeServer(SERVLETS, Set.of(), Map.of(), Set.of(),
                Optional.empty(), Optional.empty())));
        assertThat(table).startsWith("Bulwark: what else this server serves, and how far Bulwark covers it (2 entries)")
                .contains("  WHERE").contains("/app/legacy/*").contains("Cannot be known from inside the application:")
                .contains("whether another application has Bulwark in WEB-INF/lib");
        assertThat(table).doesNotContain("dev.example.Api").doesNotContain("Unmapped");
    }
}
