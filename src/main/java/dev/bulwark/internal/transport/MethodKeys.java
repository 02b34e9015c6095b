package dev.bulwark.internal.transport;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;

/** The keys of method hygiene ({@code bulwark.methods.*}). */
public final class MethodKeys implements ConfigConcern<MethodSettings> {

    public static final Key<List<String>> ALLOWED = new Key<>("bulwark.methods.allowed",
            Parsers.listOf(Parsers.httpMethod(), "HTTP methods"), "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
            "Methods served at all; any other (TRACE, TRACK, CONNECT, unknown) gets 405 with `Allow` "
                    + "before the application. TRACE, TRACK and CONNECT cannot be listed.",
            "GET, POST");

    public static final Key<Boolean> ALLOW_OVERRIDE = new Key<>("bulwark.methods.allow-override", Parsers.bool(),
            "false",
            "Honour `" + String.join("` / `", MethodPolicy.OVERRIDE_HEADERS) + "` on POST. When false "
                    + "these headers are removed from the request before anything sees them; when true every control "
                    + "sees the effective method.",
            "true");

    public static final MethodKeys CONCERN = new MethodKeys();

    private MethodKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ALLOWED, ALLOW_OVERRIDE);
    }

    @Override
    public MethodSettings read(ConfigReader reader) {
        return new MethodSettings(reader.get(ALLOWED), reader.get(ALLOW_OVERRIDE));
    }
}
