package dev.bulwark.internal.headers;

/**
 * Cache-Control for responses no shared cache may keep: a problem always gets it, replacing whatever was set before
 * (an error must never be served again from a cache); a response to an authenticated request gets it unless the
 * application or the resource decided otherwise. Anonymous successes are left to the application.
 *
 * @param value the header's value, or null when it is switched off
 */
public record CacheControlWriter(String value) implements HeaderWriter {

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        if (facts.problem() && value != null) {
            headers.set("Cache-Control", value);
        } else if (!facts.problem() && facts.authenticated()) {
            HeaderWriter.writeDefault(facts, headers, "Cache-Control", value);
        }
    }
}
