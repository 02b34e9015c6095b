package dev.bulwark.it;

import dev.bulwark.api.ResponseFields;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Entities whose @Sensitive data the declared return type does not name (ExposureIT): nested in a runtime-only
 * class, in a generic page returned as Object, written by the application's own JSON-B; a record negotiated as
 * text; a String entity on a method with an allow-list; a list inherited from an interface.
 */
@Path("/shop/shapes")
@PermitAll
public class ShopShapesResource implements ShopShapesApi {

    /** The media type of the application's own JSON-B (ShopShapesJsonb). */
    public static final String VENDOR = "application/vnd.bulwark.shapes+json";

    private static ShopCard card() {
        return new ShopCard("Ada", "4242", "VAULT-SHAPES-1");
    }

    /** A field-access card nested in a holder, in a Response: no list. */
    @GET
    @Path("holder")
    @Produces(MediaType.APPLICATION_JSON)
    public Response holder() {
        return Response.ok(new ShopShapes.Holder(card())).build();
    }

    /** A generic page of cards returned as Object: no list. */
    @GET
    @Path("page")
    @Produces(MediaType.APPLICATION_JSON)
    public Object page() {
        return new ShopShapes.Page<>(List.of(card(), card()));
    }

    /** A list whose wildcard reaches the nested card. */
    @GET
    @Path("star")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseFields(value = {"name", "card.*"}, anonymous = true)
    public Response star() {
        return Response.ok(new ShopShapes.Holder(card())).build();
    }

    /** A list naming the card's @Sensitive field, which the deployment cannot see behind Object. */
    @GET
    @Path("named")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseFields(value = {"holder", "vaultReference"}, anonymous = true)
    public Object named() {
        return card();
    }

    /** A @Sensitive getter nested in an envelope, written by the application's own JSON-B. */
    @GET
    @Path("envelope")
    @Produces(VENDOR)
    public Response envelope() {
        return Response.ok(new ShopShapes.Envelope()).build();
    }

    /** A record, without @Produces: JSON for a JSON client; a text or XML writer would print every component. */
    @GET
    @Path("note")
    public ShopShapes.Note note() {
        return new ShopShapes.Note("n", "NOTE-SHAPES-1");
    }

    /** Text, declared: left to its writer. */
    @GET
    @Path("text")
    @Produces(MediaType.TEXT_PLAIN)
    public String text() {
        return "plain text";
    }

    /** A String entity on a method with an allow-list: no list can filter it. */
    @GET
    @Path("raw")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseFields(value = "name", anonymous = true)
    public Response raw() {
        return Response.ok("{\"name\":\"n\",\"internalNote\":\"NOTE-SHAPES-RAW\"}").build();
    }

    @Override
    public ShopShapes.Plain inherited() {
        return new ShopShapes.Plain();
    }
}
