package dev.bulwark.internal.headers;

import java.util.List;

/** The configured set every response carries ({@code bulwark.headers.*} except HSTS and Cache-Control). */
public final class StaticHeadersWriter implements HeaderWriter {

    private final List<HeaderValue> always;

    public StaticHeadersWriter(List<HeaderValue> always) {
        this.always = List.copyOf(always);
    }

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        for (HeaderValue h : always) {
            HeaderWriter.writeDefault(facts, headers, h.name(), h.value());
        }
    }
}
