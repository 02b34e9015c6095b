package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The generator on its own, driven the ways JSON-B implementations drive one. */
class FilteringGeneratorTest {

    private static String run(List<String> paths, java.util.function.Consumer<JsonGenerator> writes) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new FilteringGenerator(Json.createGenerator(out), FieldPaths.of(paths),
                SensitiveNames.defaults())) {
            writes.accept(g);
        }
        return out.toString();
    }

    @Test
    void keyThenValueAndNamedWritesAreFilteredAlike() {
        String json = run(List.of("a", "c.d"), g -> g.writeStartObject()
                .writeKey("a").write(1)
                .writeKey("b").writeStartObject().write("x", 1).writeStartArray("y").write(2).writeEnd().writeEnd()
                .write("b2", "gone")
                .writeStartObject("c").write("d", true).write("e", false).writeKey("f").writeNull().writeEnd()
                .writeStartArray("g").writeStartObject().writeEnd().writeEnd()
                .writeEnd());
        assertThat(json).isEqualTo("{\"a\":1,\"c\":{\"d\":true}}");
    }

    @Test
    void arraysAddNoLevel() {
        String json = run(List.of("items.id"), g -> g.writeStartArray()
                .writeStartObject().write("id", 1).write("x", 2)
                .writeKey("items").writeStartArray().writeStartObject().write("id", 3).write("y", 4).writeEnd()
                .writeEnd().writeEnd().writeEnd());
        assertThat(json).isEqualTo("[{\"items\":[{\"id\":3}]}]");
    }

    @Test
    void theRootMayBeAScalarOrAnArrayOfScalars() {
        assertThat(run(List.of("id"), g -> g.write("plain"))).isEqualTo("\"plain\"");
        assertThat(run(List.of("id"), g -> g.writeStartArray().write(1).write(2).writeEnd())).isEqualTo("[1,2]");
    }

    @Test
    void aHugeCollectionCostsTheSameWorkPerElement() {
        AtomicLong calls = new AtomicLong();
        JsonGenerator counting = (JsonGenerator) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JsonGenerator.class}, (proxy, method, args) -> {
                    calls.incrementAndGet();
                    return proxy;
                });
        int n = 200_000;
        JsonGenerator g = new FilteringGenerator(counting, FieldPaths.of(List.of("id")), SensitiveNames.defaults());
        g.writeStartArray();
        for (int i = 0; i < n; i++) {
            g.writeStartObject().write("id", i).write("password", "x").writeKey("nested").writeStartObject()
                    .write("deep", 1).writeEnd().writeEnd();
        }
        g.writeEnd();
        // per element: start, id, end reach the output; the password and the nested object do not
        assertThat(calls.get()).isEqualTo(3L * n + 2);
    }

    @Test
    void deepNestingGrowsTheStack() {
        String json = run(List.of("a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a"), g -> {
            g.writeStartObject();
            for (int i = 0; i < 40; i++) {
                g.writeStartObject("a");
            }
            for (int i = 0; i < 41; i++) {
                g.writeEnd();
            }
        });
        assertThat(json).startsWith("{\"a\":{\"a\":").doesNotContain("null");
    }
}
