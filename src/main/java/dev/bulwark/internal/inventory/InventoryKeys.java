package dev.bulwark.internal.inventory;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;

/** The keys of the endpoint inventory ({@code bulwark.inventory.*}). */
public final class InventoryKeys implements ConfigConcern<InventorySettings> {

    public static final Key<Boolean> LOG = new Key<>("bulwark.inventory.log", Parsers.bool(), "true",
            "Log the endpoint inventory once as a table at start-up.", "false");

    public static final Key<Boolean> ENDPOINT_ENABLED = new Key<>("bulwark.inventory.endpoint.enabled",
            Parsers.bool(), "false",
            "Serve the endpoint inventory as JSON. Off by default; when on, only callers in the admin role get it.",
            "true");

    public static final Key<String> ENDPOINT_PATH = new Key<>("bulwark.inventory.endpoint.path", Parsers.path(),
            "/bulwark/inventory", "Path of the inventory endpoint, below the application's context root.",
            "/admin/inventory");

    public static final Key<String> ENDPOINT_ROLE = new Key<>("bulwark.inventory.endpoint.role", Parsers.roleName(),
            "bulwark-admin", "Role (from the verified token's `groups`) required to read the inventory endpoint.",
            "ops-admin");

    public static final InventoryKeys CONCERN = new InventoryKeys();

    private InventoryKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(LOG, ENDPOINT_ENABLED, ENDPOINT_PATH, ENDPOINT_ROLE);
    }

    @Override
    public InventorySettings read(ConfigReader reader) {
        return new InventorySettings(reader.get(LOG), reader.get(ENDPOINT_ENABLED), reader.get(ENDPOINT_PATH),
                reader.get(ENDPOINT_ROLE));
    }
}
