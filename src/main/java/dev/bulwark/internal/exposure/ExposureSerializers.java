package dev.bulwark.internal.exposure;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deployment's JSON-B serializers, one per distinct set of allowed names: each is a {@code Jsonb} built with a
 * {@link FilteringJsonProvider} of that set ({@code JsonbBuilder.withProvider}) and {@link SensitiveVisibility}, made
 * on first use and kept (views are declared at deployment, so there are at most as many as distinct views, and
 * every endpoint without an allow-list shares one). An application that brings its own {@code Jsonb} (a JAX-RS
 * {@code ContextResolver<Jsonb>}) keeps it: its output is then replayed through the same filter.
 */
public final class ExposureSerializers {

    /** Serializers kept; beyond, one is made for the response and dropped (a deployment has far fewer). */
    static final int MAX_KEPT = 256;

    private final SensitiveNames sensitive;
    private final SensitiveGraph graph = new SensitiveGraph();
    private final ConcurrentHashMap<Key, Jsonb> jsonbs = new ConcurrentHashMap<>();
    private volatile JsonProvider jsonp;

    /** A serializer's allowed names and the names it holds back. */
    private record Key(FieldPaths paths, SensitiveNames names) {
    }

    public ExposureSerializers(SensitiveNames sensitive) {
        this.sensitive = sensitive;
    }

    /** The {@code @Sensitive} names of the runtime classes the application's entities reach. */
    public SensitiveGraph graph() {
        return graph;
    }

    /** The names held back by default ({@code bulwark.exposure.sensitive-names}). */
    public SensitiveNames sensitive() {
        return sensitive;
    }

    /** The serializer of a set of allowed names, holding back the default sensitive names. */
    public Jsonb jsonb(FieldPaths paths) {
        return jsonb(paths, sensitive);
    }

    /**
     * The serializer of a set of allowed names holding back {@code names} (the sensitive names and the
     * {@code @Sensitive} JSON names of the classes written): those are held back by the generator whatever
     * visibility a class declares with {@code @JsonbVisibility}.
     */
    public Jsonb jsonb(FieldPaths paths, SensitiveNames names) {
        Key key = new Key(paths, names);
        Jsonb j = jsonbs.get(key);
        if (j != null) {
            return j;
        }
        if (jsonbs.size() >= MAX_KEPT) {
            return make(key);
        }
        return jsonbs.computeIfAbsent(key, this::make);
    }

    private Jsonb make(Key key) {
        return JsonbBuilder.newBuilder()
                .withConfig(new JsonbConfig().withPropertyVisibilityStrategy(new SensitiveVisibility()))
                .withProvider(new FilteringJsonProvider(provider(), key.paths(), key.names())).build();
    }

    /** How many serializers were made so far. */
    public int size() {
        return jsonbs.size();
    }

    private JsonProvider provider() {
        JsonProvider p = jsonp;
        if (p == null) {
            p = JsonProvider.provider();
            jsonp = p;
        }
        return p;
    }

    /** Writes the entity as JSON with only the allowed names; the stream stays open. The items written. */
    public int write(Object entity, Type type, FieldPaths paths, OutputStream out) {
        return write(jsonb(paths), entity, type, out);
    }

    /**
     * Writes the entity with a serializer of {@link #jsonb(FieldPaths, SensitiveNames)} as UTF-8; the stream stays
     * open. The generator writes characters ({@link Utf8}), not bytes: a generator over a stream makes an
     * {@code OutputStreamWriter} per response, whose encoder allocates 8 KiB before the first byte.
     *
     * @return the items written ({@link FilteringGenerator#items()}), or -1 when the serializer filters nothing
     */
    public static int write(Jsonb serializer, Object entity, Type type, OutputStream out) {
        Utf8 text = new Utf8(out);
        serializer.toJson(entity, type, text);
        try {
            text.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.generator == null ? -1 : text.generator.items();
    }

    /**
     * Writes what an application's own JSON-B made of the entity, with only the allowed names and without the
     * {@code heldBack} names at any depth (its JSON-B does not know {@code @Sensitive}).
     */
    public int write(Object entity, Type type, Jsonb application, FieldPaths paths,
                     java.util.Set<String> heldBack, OutputStream out) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        application.toJson(entity, type, buffer);
        try {
            return replay(buffer.toByteArray(), paths, heldBack.isEmpty() ? sensitive : sensitive.andExactly(heldBack), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Replays JSON another writer made (an application's JSON-B or {@code MessageBodyWriter}) with only the allowed
     * names and never the held-back ones; the application's format (names, dates, number shapes) is kept.
     *
     * @return the items written ({@link FilteringGenerator#items()})
     * @throws jakarta.json.stream.JsonParsingException when the bytes are not JSON (nothing is written then)
     */
    public int replay(byte[] json, FieldPaths paths, SensitiveNames names, OutputStream out) throws IOException {
        JsonProvider p = provider();
        // filtered whole before a byte goes out: output that turns out not to be JSON leaves nothing half-written
        ByteArrayOutputStream filtered = new ByteArrayOutputStream(json.length);
        int items;
        try (JsonParser parser = p.createParser(new ByteArrayInputStream(json));
             FilteringGenerator generator = new FilteringGenerator(p.createGenerator(filtered), paths, names)) {
            replay(parser, generator);
            items = generator.items();
        }
        filtered.writeTo(out);
        return items;
    }

    private static void replay(JsonParser parser, JsonGenerator out) {
        String key = null;
        while (parser.hasNext()) {
            JsonParser.Event e = parser.next();
            switch (e) {
                case KEY_NAME -> key = parser.getString();
                case START_OBJECT -> {
                    if (key != null) {
                        out.writeStartObject(key);
                    } else {
                        out.writeStartObject();
                    }
                    key = null;
                }
                case START_ARRAY -> {
                    if (key != null) {
                        out.writeStartArray(key);
                    } else {
                        out.writeStartArray();
                    }
                    key = null;
                }
                case END_OBJECT, END_ARRAY -> out.writeEnd();
                case VALUE_STRING -> {
                    if (key != null) {
                        out.write(key, parser.getString());
                    } else {
                        out.write(parser.getString());
                    }
                    key = null;
                }
                case VALUE_NUMBER -> {
                    BigDecimal n = parser.getBigDecimal();
                    if (key != null) {
                        out.write(key, n);
                    } else {
                        out.write(n);
                    }
                    key = null;
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    if (key != null) {
                        out.write(key, e == JsonParser.Event.VALUE_TRUE);
                    } else {
                        out.write(e == JsonParser.Event.VALUE_TRUE);
                    }
                    key = null;
                }
                case VALUE_NULL -> {
                    if (key != null) {
                        out.writeNull(key);
                    } else {
                        out.writeNull();
                    }
                    key = null;
                }
                default -> throw new IllegalStateException("unexpected JSON event " + e);
            }
        }
    }

    /**
     * The characters a generator writes, sent on as UTF-8 in pieces of about {@value #PIECE} characters (a piece
     * never ends between the two halves of a surrogate pair), the last piece when the generator is done; neither
     * flushed nor closed: a flush would commit the response before the container knows its length (no
     * {@code Content-Length}, a chunked body, one more write on the connection). A small response is one encoding and one
     * write.
     */
    static final class Utf8 extends java.io.Writer {
        static final int PIECE = 16 * 1024;
        private final OutputStream out;
        private final StringBuilder text = new StringBuilder(256);
        /** The filtering generator JSON-B made over this writer ({@link FilteringJsonProvider}), or null. */
        FilteringGenerator generator;

        Utf8(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            text.append(chars, off, len);
            if (text.length() >= PIECE) {
                int cut = text.length();
                if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                    cut--;
                }
                out.write(text.substring(0, cut).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                text.delete(0, cut);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            text.append(str, off, off + len);
            if (text.length() >= PIECE) {
                write(new char[0], 0, 0);
            }
        }

        @Override
        public void flush() {
            // the container's to do, when the response ends
        }

        @Override
        public void close() {
            // the container's to do
        }

        /** Sends what is left. */
        void end() throws IOException {
            if (!text.isEmpty()) {
                out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
    }
}
