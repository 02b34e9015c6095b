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

    public static final Key<String> POSTURE_PATH = new Key<>("bulwark.inventory.posture.path", Parsers.path(),
            "/bulwark/posture", "Path of the posture report (JSON; the same path with `.html` appended, or a request that"
                    + " prefers `text/html`, gets the HTML page), served with the inventory endpoint to the same role.",
            "/admin/posture");

    public static final Key<java.net.URI> DOCS_BASE = new Key<>("bulwark.inventory.posture.docs-base-uri",
            Parsers.absoluteUri(), null, "Where Bulwark's documentation is published for your team: the posture"
                    + " report links each finding to `<this>docs/<page>.md#<section>`. Unset: the report names the"
                    + " page without a link.", "https://git.example.com/bulwark/blob/main/");

    public static final InventoryKeys CONCERN = new InventoryKeys();

    private InventoryKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(LOG, ENDPOINT_ENABLED, ENDPOINT_PATH, ENDPOINT_ROLE, POSTURE_PATH, DOCS_BASE);
    }

    @Override
    public InventorySettings read(ConfigReader reader) {
        return new InventorySettings(reader.get(LOG), reader.get(ENDPOINT_ENABLED), reader.get(ENDPOINT_PATH),
                reader.get(ENDPOINT_ROLE), reader.get(POSTURE_PATH), reader.get(DOCS_BASE));
    }
}
