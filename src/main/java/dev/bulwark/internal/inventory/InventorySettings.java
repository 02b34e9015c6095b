package dev.bulwark.internal.inventory;

/** Whether the endpoint inventory is logged and served, and where and to whom. */
public record InventorySettings(boolean log, boolean endpointEnabled, String endpointPath, String endpointRole) {
}
