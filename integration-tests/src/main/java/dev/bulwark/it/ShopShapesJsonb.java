package dev.bulwark.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The application's own JSON-B (an ordinary one: no visibility change), for one vendor media type only so that it
 * leaves the rest of the WAR alone (ShopShapesResource#envelope): it knows nothing of @Sensitive.
 */
@Provider
@Produces(ShopShapesResource.VENDOR)
public class ShopShapesJsonb implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(false));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
