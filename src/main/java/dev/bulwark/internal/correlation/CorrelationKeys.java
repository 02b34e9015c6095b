package dev.bulwark.internal.correlation;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;

/** The keys of correlation ids ({@code bulwark.correlation.*}). */
public final class CorrelationKeys implements ConfigConcern<CorrelationSettings> {

    public static final Key<Boolean> TRUST_INCOMING = new Key<>("bulwark.correlation.trust-incoming",
            Parsers.bool(), "true",
            "Reuse the trace-id of a valid W3C `" + CorrelationIds.TRACEPARENT + "`, else a well-formed incoming"
                    + " request-id header, as the correlation id. When false every request gets a fresh random id.",
            "false");

    public static final Key<String> HEADER = new Key<>("bulwark.correlation.header", Parsers.headerName(),
            CorrelationIds.REQUEST_ID_HEADER,
            "Header read for an incoming request id and always written on the response with the correlation id.",
            "X-Correlation-Id");

    public static final CorrelationKeys CONCERN = new CorrelationKeys();

    private CorrelationKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(TRUST_INCOMING, HEADER);
    }

    @Override
    public CorrelationSettings read(ConfigReader reader) {
        return new CorrelationSettings(reader.get(TRUST_INCOMING), reader.get(HEADER));
    }
}
