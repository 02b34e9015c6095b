package dev.bulwark.internal.headers;

/**
 * Strict-Transport-Security, only on responses to requests that arrived over TLS (RFC 6797 section 7.2: a user
 * agent ignores it over plain HTTP, and sending it there would tell nothing but the policy).
 *
 * @param value the header's value, or null when it is switched off
 */
public record HstsWriter(String value) implements HeaderWriter {

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        if (facts.secure()) {
            HeaderWriter.writeDefault(facts, headers, "Strict-Transport-Security", value);
        }
    }
}
