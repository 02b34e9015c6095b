package dev.bulwark.internal.headers;

/**
 * One family of security headers, written when a response commits ({@link HeaderWriters} runs them in order).
 * A writer needs no container: it reads the facts of the exchange and the headers already on the response.
 */
@FunctionalInterface
public interface HeaderWriter {

    void write(ResponseFacts facts, ResponseHeaders headers);

    /**
     * Writes a default: a header the response already has (the application's, or a resource's override) is left
     * as it is, and one the resource switched off is not written; a null value writes nothing.
     */
    static void writeDefault(ResponseFacts facts, ResponseHeaders headers, String name, String value) {
        if (value != null && !headers.contains(name) && !facts.switchedOff(name)) {
            headers.setAbsent(name, value);
        }
    }
}
