package dev.bulwark.headers;

/**
 * Cache-Control for responses no shared cache may keep: a problem always gets it, replacing whatever was set before
 * (an error must never be served again from a cache); a response to an authenticated request gets it unless the
 * application or the resource decided otherwise. Anonymous successes are left to the application.
 */
public final class CacheControlWriter implements HeaderWriter {

    static final String HEADER = "Cache-Control";

    private final String value;

    /** @param value the header's value, or null when it is switched off */
    public CacheControlWriter(String value) {
        this.value = value;
    }

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        if (facts.problem()) {
            if (value != null) {
                headers.set(HEADER, value);
            }
        } else if (facts.authenticated()) {
            HeaderWriter.writeDefault(facts, headers, HEADER, value);
        }
    }
}
