package dev.bulwark.internal.exposure;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/**
 * A JSON generator that writes only the names its {@link FieldPaths} allow at the current path, and never a
 * sensitive name: a name left out is left out with its whole value (object, array or scalar), so it never reaches
 * the bytes. It follows the path as the serializer writes it (arrays add no level), with constant work per event
 * and no allocation beyond its stack. One per serialization; not thread-safe, as no generator is.
 */
public final class FilteringGenerator implements JsonGenerator {

    private final JsonGenerator out;
    private final SensitiveNames sensitive;

    /** The node of each open container, [0] being the document's. */
    private FieldPaths[] nodes = new FieldPaths[16];
    private int depth;
    /** Open containers inside a value being left out. */
    private int skipping;
    /** The value of the key just written is left out. */
    private boolean skipNext;
    /** The node of the key just written (its value is a container). */
    private FieldPaths pending;
    /** A key was just written: the next unnamed value is its value, not an array's item. */
    private boolean afterKey;
    /** The document is an array ({@code [..]}), and the container at depth 2 is an array. */
    private boolean arrayAt1;
    private boolean arrayAt2;
    /** The items written: see {@link #items()}. */
    private int items;

    /**
     * @param out       where allowed events go
     * @param root      the names allowed at the top of the document
     * @param sensitive names never written unless a list names them explicitly (which the deployment refuses)
     */
    public FilteringGenerator(JsonGenerator out, FieldPaths root, SensitiveNames sensitive) {
        this.out = out;
        this.sensitive = sensitive;
        this.nodes[0] = root;
    }

    /** The node of a name in the current object, or null when the name and its value are left out. */
    private FieldPaths member(String name) {
        FieldPaths node = nodes[depth];
        FieldPaths child = node.named(name);
        if (child != null) {
            return child;
        }
        child = node.other();
        return child == null || sensitive.sensitive(name) ? null : child;
    }

    private void push(FieldPaths node, boolean array) {
        if (depth == 0) {
            arrayAt1 = array;
        } else if (depth == 1) {
            arrayAt2 = array;
        }
        if (++depth == nodes.length) {
            nodes = Arrays.copyOf(nodes, depth * 2);
        }
        nodes[depth] = node;
    }

    /**
     * The items of the document written so far: the elements of a top-level array, or, for a top-level object, the
     * elements of its array members (a page such as {@code {"items": [..], "total": 5000}}). One count per unnamed
     * value, no second walk; the exfiltration detector compares them with the caller's usual.
     */
    public int items() {
        return items;
    }

    /** An unnamed value is about to be written: an item when it is an element of a counted array. */
    private void element() {
        if (afterKey) {
            afterKey = false; // a key's value
            return;
        }
        if (skipping == 0 && !skipNext && (depth == 1 ? arrayAt1 : depth == 2 && !arrayAt1 && arrayAt2)) {
            items++;
        }
    }

    /** True when the next value (no name) is left out; consumes the decision. */
    private boolean dropValue() {
        if (skipping > 0) {
            return true;
        }
        if (skipNext) {
            skipNext = false;
            return true;
        }
        return false;
    }

    /** The node of a container value without a name: the key's, else the enclosing array's (or the document's). */
    private FieldPaths valueNode() {
        FieldPaths node = pending != null ? pending : nodes[depth];
        pending = null;
        return node;
    }

    @Override
    public JsonGenerator writeStartObject() {
        element();
        if (dropValue()) {
            skipping++;
            return this;
        }
        push(valueNode(), false);
        out.writeStartObject();
        return this;
    }

    @Override
    public JsonGenerator writeStartObject(String name) {
        if (skipping > 0) {
            skipping++;
            return this;
        }
        FieldPaths child = member(name);
        if (child == null) {
            skipping++;
            return this;
        }
        push(child, false);
        out.writeStartObject(name);
        return this;
    }

    @Override
    public JsonGenerator writeKey(String name) {
        if (skipping > 0) {
            return this;
        }
        afterKey = true;
        FieldPaths child = member(name);
        if (child == null) {
            skipNext = true;
            return this;
        }
        pending = child;
        out.writeKey(name);
        return this;
    }

    @Override
    public JsonGenerator writeStartArray() {
        element();
        if (dropValue()) {
            skipping++;
            return this;
        }
        push(valueNode(), true);
        out.writeStartArray();
        return this;
    }

    @Override
    public JsonGenerator writeStartArray(String name) {
        if (skipping > 0) {
            skipping++;
            return this;
        }
        FieldPaths child = member(name);
        if (child == null) {
            skipping++;
            return this;
        }
        push(child, true);
        out.writeStartArray(name);
        return this;
    }

    @Override
    public JsonGenerator writeEnd() {
        if (skipping > 0) {
            skipping--;
            return this;
        }
        depth--;
        out.writeEnd();
        return this;
    }

    /** True when a named scalar is written. */
    private boolean keep(String name) {
        return skipping == 0 && member(name) != null;
    }

    /** True when a scalar without a name is written. */
    private boolean keep() {
        element();
        pending = null;
        return !dropValue();
    }

    @Override
    public JsonGenerator write(String name, JsonValue value) {
        if (value instanceof JsonObject || value instanceof JsonArray) {
            if (skipping == 0) {
                writeKey(name);
                write(value);
            }
            return this;
        }
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String name, String value) {
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String name, BigInteger value) {
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String name, BigDecimal value) {
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String name, int value) {
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String name, long value) {
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String name, double value) {
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String name, boolean value) {
        if (keep(name)) {
            out.write(name, value);
        }
        return this;
    }

    @Override
    public JsonGenerator writeNull(String name) {
        if (keep(name)) {
            out.writeNull(name);
        }
        return this;
    }

    /** A JSON-P value: a structure is replayed event by event, so the same rules apply inside it. */
    @Override
    public JsonGenerator write(JsonValue value) {
        if (value instanceof JsonObject object) {
            writeStartObject();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                write(e.getKey(), e.getValue());
            }
            return writeEnd();
        }
        if (value instanceof JsonArray array) {
            writeStartArray();
            for (JsonValue item : array) {
                write(item);
            }
            return writeEnd();
        }
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(String value) {
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(BigDecimal value) {
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(BigInteger value) {
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(int value) {
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(long value) {
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(double value) {
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator write(boolean value) {
        if (keep()) {
            out.write(value);
        }
        return this;
    }

    @Override
    public JsonGenerator writeNull() {
        if (keep()) {
            out.writeNull();
        }
        return this;
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public void flush() {
        out.flush();
    }
}
