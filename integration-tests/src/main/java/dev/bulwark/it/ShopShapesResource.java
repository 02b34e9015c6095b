package dev.bulwark.it;

import dev.bulwark.api.ResponseFields;
import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    /** The card wrapped as the review found it leaking: in an Optional, a map, a list of lists, an array. */
    @GET
    @Path("wrapped/{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response wrapped(@PathParam("kind") String kind) {
        Object entity = switch (kind) {
            case "optional" -> Optional.of(card());
            case "map" -> Map.of("a", List.of(card()));
            case "lists" -> List.of(List.of(card()));
            default -> new Object[] {card()};
        };
        return Response.ok(entity).build();
    }

    /** A holder returned by a stage declared of Object. */
    @GET
    @Path("later")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Object> later() {
        return CompletableFuture.supplyAsync(() -> new ShopShapes.Holder(card()));
    }

    /** A JSON-P object with a list, without @Produces: its JSON only, never its text. */
    @GET
    @Path("jsonp")
    @ResponseFields(value = "name", anonymous = true)
    public JsonObject jsonp() {
        return Json.createObjectBuilder().add("name", "n").add("internalNote", "NOTE-SHAPES-3").build();
    }

    /** A DTO whose class declares its views, in a Response (one, or a list with its generic type). */
    @GET
    @Path("badge/{count}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response badge(@PathParam("count") int count) {
        if (count == 1) {
            return Response.ok(new ShopShapes.Badge()).build();
        }
        List<ShopShapes.Badge> badges = java.util.stream.Stream.generate(ShopShapes.Badge::new).limit(count).toList();
        return Response.ok(new jakarta.ws.rs.core.GenericEntity<List<ShopShapes.Badge>>(badges) { }).build();
    }

    @Override
    public ShopShapes.Plain inherited() {
        return new ShopShapes.Plain();
    }
}
