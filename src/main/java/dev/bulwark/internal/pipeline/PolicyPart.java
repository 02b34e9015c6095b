package dev.bulwark.internal.pipeline;

/** What one concern will do on one endpoint: a part of its {@link EndpointPolicy}, immutable. */
public interface PolicyPart {

    /** One line for the inventory (the log table and the JSON endpoint). */
    String describe();
}
