package dev.bulwark.internal.inventory;

/**
 * Whether the endpoint inventory is logged and served, and where and to whom; where the posture report is served
 * (with the inventory endpoint) and where the documentation it links to is published ({@code docsBase}, or null).
 */
public record InventorySettings(boolean log, boolean endpointEnabled, String endpointPath, String endpointRole,
                                String posturePath, java.net.URI docsBase) {
}
