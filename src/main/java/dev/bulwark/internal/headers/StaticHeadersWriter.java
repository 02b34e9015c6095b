package dev.bulwark.internal.headers;

import java.util.List;

/**
 * The configured set every response carries ({@code bulwark.headers.*} except HSTS and Cache-Control); with the
 * API profile, JSON responses leave out the headers that only act on documents a browser renders.
 */
public final class StaticHeadersWriter implements HeaderWriter {

    private final List<HeaderValue> always;
    private final List<HeaderValue> onJson;

    public StaticHeadersWriter(List<HeaderValue> always) {
        this(always, List.of());
    }

    /** @param notOnJson names of headers in {@code always} that JSON responses do not get */
    public StaticHeadersWriter(List<HeaderValue> always, List<String> notOnJson) {
        this.always = List.copyOf(always);
        this.onJson = always.stream().filter(h -> notOnJson.stream().noneMatch(h.name()::equalsIgnoreCase)).toList();
    }

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        for (HeaderValue h : facts.json() ? onJson : always) {
            HeaderWriter.writeDefault(facts, headers, h.name(), h.value());
        }
    }
}
