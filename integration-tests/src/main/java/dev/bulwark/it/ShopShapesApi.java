package dev.bulwark.it;

import dev.bulwark.api.ResponseFields;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An interface carrying the JAX-RS annotations and the allow-list its implementation inherits. */
public interface ShopShapesApi {

    @GET
    @Path("inherited")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseFields(value = "name", anonymous = true)
    ShopShapes.Plain inherited();
}
