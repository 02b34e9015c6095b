package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The items of a response (the exfiltration detector's count), counted while the filter writes it. */
class ResponseItemsTest {

    private final ExposureSerializers serializers = new ExposureSerializers(SensitiveNames.defaults());

    public record Order(long id, String item, List<String> tags) {
    }

    public record Page(List<Order> items, long total, Map<String, Object> links) {
    }

    private static List<Order> orders(int n) {
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Order(i, "item " + i, List.of("a", "b", "c")));
        }
        return out;
    }

    @Test
    void theElementsOfATopLevelArrayAreCountedNotWhatTheyHold() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int items = serializers.write(orders(5000), List.class, FieldPaths.ANY, out);
        assertThat(items).isEqualTo(5000); // not the 15000 tags inside them
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("[{");
        assertThat(serializers.write(List.of(1, 2, 3), List.class, FieldPaths.ANY, new ByteArrayOutputStream()))
                .isEqualTo(3);
        assertThat(serializers.write(new String[] {"a", "b"}, String[].class, FieldPaths.ANY,
                new ByteArrayOutputStream())).isEqualTo(2);
    }

    @Test
    void aPageObjectCountsTheElementsOfItsArrayMembers() {
        Page page = new Page(orders(20), 5000, Map.of("next", "/orders?page=2"));
        assertThat(serializers.write(page, Page.class, FieldPaths.ANY, new ByteArrayOutputStream())).isEqualTo(20);
    }

    @Test
    void aSingleObjectOrAScalarHasNoItems() {
        assertThat(serializers.write(Map.of("id", 1, "owner", Map.of("tags", List.of("a", "b"))), Map.class,
                FieldPaths.ANY, new ByteArrayOutputStream())).isZero(); // the tags are no member of the document
        assertThat(serializers.write("text", String.class, FieldPaths.ANY, new ByteArrayOutputStream())).isZero();
    }

    @Test
    void anArrayTheViewLeavesOutIsNotCounted() {
        Page page = new Page(orders(20), 20, Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int items = serializers.write(page, Page.class, FieldPaths.of(List.of("total")), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"total\":20}");
        assertThat(items).isZero();
    }

    @Test
    void anApplicationWritersJsonIsCountedAsItIsReplayed() throws IOException {
        String json = "{\"data\":[{\"id\":1,\"x\":[1,2]},{\"id\":2},{\"id\":3}],\"meta\":{\"list\":[1,2,3,4]},"
                + "\"also\":[true,false]}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int items = serializers.replay(json.getBytes(StandardCharsets.UTF_8), FieldPaths.ANY,
                SensitiveNames.defaults(), out);
        assertThat(items).as("3 in data, 2 in also; meta.list is deeper").isEqualTo(5);
        assertThat(serializers.replay("[[1,2],[3],{\"a\":[1]}]".getBytes(StandardCharsets.UTF_8), FieldPaths.ANY,
                SensitiveNames.defaults(), new ByteArrayOutputStream())).isEqualTo(3);
    }
}
