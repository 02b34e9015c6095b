package dev.bulwark.internal.cors;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.correlation.CorrelationIds;
import java.time.Duration;
import java.util.List;

/** The keys of cross-origin resource sharing ({@code bulwark.cors.*}). */
public final class CorsKeys implements ConfigConcern<CorsSettings> {

    public static final Key<List<String>> ORIGINS = new Key<>("bulwark.cors.allowed-origins",
            Parsers.listOf(Parsers.origin(), "origins"), "",
            "Exact origins (`scheme://host[:port]`, lower case) allowed to call the API from a browser. "
                    + "Empty: CORS off, every preflight refused. `*` is allowed alone and only without credentials; "
                    + "`null` never.",
            "https://app.example.com, https://admin.example.com");

    public static final Key<List<String>> METHODS = new Key<>("bulwark.cors.allowed-methods",
            Parsers.listOf(Parsers.httpMethod(), "HTTP methods"), "GET, HEAD, POST, PUT, PATCH, DELETE",
            "Methods a preflight may ask for (TRACE, TRACK, CONNECT refused).", "GET, POST");

    public static final Key<List<String>> HEADERS = new Key<>("bulwark.cors.allowed-headers",
            Parsers.listOf(Parsers.headerName(), "header names"),
            String.join(", ", "Authorization", "Content-Type", CorrelationIds.REQUEST_ID_HEADER,
                    CorrelationIds.TRACEPARENT, CorrelationIds.TRACESTATE),
            "Request headers a preflight may ask for (any case). The default covers bearer tokens, JSON "
                    + "bodies, the request id and W3C Trace Context (`" + CorrelationIds.TRACEPARENT + "`, `"
                    + CorrelationIds.TRACESTATE + "`), which browser tracing such as OpenTelemetry adds to"
                    + " cross-origin calls and which Bulwark reads for the correlation id. A list you set replaces"
                    + " the default: keep the trace headers in it if your browser apps are traced.",
            "Authorization, Content-Type, If-Match");

    public static final Key<List<String>> EXPOSED = new Key<>("bulwark.cors.exposed-headers",
            Parsers.listOf(Parsers.headerName(), "header names"), CorrelationIds.REQUEST_ID_HEADER,
            "`Access-Control-Expose-Headers` on allowed cross-origin responses.", "X-Request-Id, ETag");

    public static final Key<Boolean> CREDENTIALS = new Key<>("bulwark.cors.allow-credentials", Parsers.bool(),
            "false", "Send `Access-Control-Allow-Credentials: true` (refused together with the `*` origin).", "true");

    public static final Key<Duration> MAX_AGE = new Key<>("bulwark.cors.max-age",
            Parsers.duration(Duration.ZERO, Duration.ofHours(24)), "10m",
            "`Access-Control-Max-Age` of preflight answers.", "1h");

    public static final CorsKeys CONCERN = new CorsKeys();

    private CorsKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ORIGINS, METHODS, HEADERS, EXPOSED, CREDENTIALS, MAX_AGE);
    }

    @Override
    public CorsSettings read(ConfigReader reader) {
        List<String> origins = reader.get(ORIGINS);
        boolean credentials = reader.get(CREDENTIALS);
        if (origins.contains("*") && (origins.size() > 1 || credentials)) {
            reader.problem(ORIGINS, "'*' must stand alone and cannot be combined with " + CREDENTIALS.name()
                    + "=true", "exact origins when credentials are allowed");
        }
        return new CorsSettings(origins, reader.get(METHODS), reader.get(HEADERS), reader.get(EXPOSED), credentials,
                reader.get(MAX_AGE));
    }
}
