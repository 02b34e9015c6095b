package dev.bulwark.internal.headers;

import java.util.ArrayList;
import java.util.List;

/**
 * The security headers of a response, composed from one small writer per header family and run in order when
 * the response commits: the resource's overrides first, then the defaults, which leave what is already set alone.
 */
public final class HeaderWriters implements HeaderWriter {

    private final List<HeaderWriter> writers;

    public HeaderWriters(List<HeaderWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    /** The writers this package owns: overrides, the UI paths' CSP, the static set, HSTS, Cache-Control. */
    public static HeaderWriters of(HeaderSettings config) {
        return new HeaderWriters(List.of(new OverridesWriter(),
                new UiPolicyWriter(config.uiPaths(), config.uiContentSecurityPolicy()),
                new StaticHeadersWriter(config.always(), config.notOnJson()),
                new HstsWriter(config.strictTransportSecurity()), new CacheControlWriter(config.cacheControl())));
    }

    /** These writers, then {@code next} (a writer another concern owns, such as the bearer challenge). */
    public HeaderWriters then(HeaderWriter next) {
        List<HeaderWriter> all = new ArrayList<>(writers);
        all.add(next);
        return new HeaderWriters(all);
    }

    /** The writers in the order they run. */
    public List<HeaderWriter> writers() {
        return writers;
    }

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        for (HeaderWriter w : writers) {
            w.write(facts, headers);
        }
    }
}
