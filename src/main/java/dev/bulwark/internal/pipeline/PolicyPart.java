package dev.bulwark.internal.pipeline;

/** What one concern will do on one endpoint: a part of its {@link EndpointPolicy}, immutable. */
public interface PolicyPart {

    /** One line for the inventory (the log table and the JSON endpoint). */
    String describe();

    /** What the concern's lint found worth a look on this endpoint (the inventory lists it). */
    default java.util.List<String> findings() {
        return java.util.List.of();
    }
}
