package dev.bulwark.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.junit.jupiter.api.Test;

/** The filter on a document made of the OpenAPI model interfaces (each a map of what was set on it). */
class VersionLifecycleFilterTest {

    /** A model object: its getters read and its setters and addExtension write one map. */
    @SuppressWarnings("unchecked")
    private static <T> T model(Class<T> type, Map<String, Object> state) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("addExtension")) {
                state.put("x:" + args[0], args[1]);
                return proxy;
            }
            if (name.startsWith("set")) {
                state.put(name.substring(3), args[0]);
                return null;
            }
            if (name.startsWith("get")) {
                return state.get(name.substring(3));
            }
            return null;
        });
    }

    @Test
    @SuppressWarnings("unchecked") // the extension is the map the filter put
    void theOperationsOfTheDeprecatedVersionAreMarkedAndNoOthers() {
        Map<String, Object> v1Get = new HashMap<>();
        Map<String, Object> v2Get = new HashMap<>();
        Map<PathItem.HttpMethod, Operation> v1Operations = new LinkedHashMap<>();
        v1Operations.put(PathItem.HttpMethod.GET, model(Operation.class, v1Get));
        Map<PathItem.HttpMethod, Operation> v2Operations = new LinkedHashMap<>();
        v2Operations.put(PathItem.HttpMethod.GET, model(Operation.class, v2Get));
        Map<String, PathItem> items = new LinkedHashMap<>();
        items.put("/api/v1/orders", model(PathItem.class, new HashMap<>(Map.of("Operations", v1Operations))));
        items.put("/api/v2/orders", model(PathItem.class, new HashMap<>(Map.of("Operations", v2Operations))));
        Paths paths = model(Paths.class, new HashMap<>(Map.of("PathItems", items)));
        OpenAPI document = model(OpenAPI.class, new HashMap<>(Map.of("Paths", paths)));

        Map<String, String> p = new HashMap<>();
        p.put("bulwark.versioning.versions", "v1, v2");
        p.put("bulwark.versioning.versions.v1.deprecated", "2026-06-01T00:00:00Z");
        p.put("bulwark.versioning.versions.v1.successor", "v2");
        new VersionLifecycleFilter(TestConfig.load(p).config().versioning(),
                Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC)).filterOpenAPI(document);

        assertThat(v1Get).containsEntry("Deprecated", Boolean.TRUE);
        assertThat((Map<String, Object>) v1Get.get("x:x-bulwark-lifecycle")).containsEntry("successor", "v2")
                .containsEntry("deprecated", "2026-06-01T00:00:00Z");
        assertThat(v2Get).isEmpty();
    }

    @Test
    void theFilterIsTheDefaultThatAnyApplicationValueOverrides() {
        ConfigSource defaults = new OpenApiFilterDefault();
        assertThat(defaults.getValue("mp.openapi.filter")).isEqualTo(BulwarkOpenApiFilter.class.getName());
        assertThat(defaults.getOrdinal()).isLessThan(100); // microprofile-config.properties has 100
        assertThat(defaults.getPropertyNames()).containsExactly("mp.openapi.filter");
        assertThat(OpenApiFilterDefault.FILTER).isEqualTo(BulwarkOpenApiFilter.class.getName());
    }
}
