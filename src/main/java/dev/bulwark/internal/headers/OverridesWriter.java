package dev.bulwark.internal.headers;

/**
 * The per-resource layer: a resource's {@code @SecurityHeader} values replace whatever the response carries, and
 * the headers it switched off are removed (the writers after this one then leave them out). It runs first, so that
 * the defaults see the resource's values as already present.
 */
public final class OverridesWriter implements HeaderWriter {

    @Override
    public void write(ResponseFacts facts, ResponseHeaders headers) {
        facts.overrides().values().forEach(headers::set);
    }
}
