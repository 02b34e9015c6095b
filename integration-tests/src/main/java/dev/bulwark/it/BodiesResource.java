package dev.bulwark.it;

import dev.bulwark.api.JsonBodyLimits;
import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Bodies of every kind, each endpoint answering with what it bound, so tests see what the application got. */
@PermitAll
@Path("/bodies")
@Produces(MediaType.APPLICATION_JSON)
public class BodiesResource {

    @POST
    @Path("/purchase")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response purchase(@Valid Purchase purchase) {
        return Response.status(201).entity(purchase).build();
    }

    /** No @Consumes: any content type reaches it, so every JSON-like one must be checked. */
    @POST
    @Path("/loose")
    public Response loose(@Valid Purchase purchase) {
        return Response.status(201).entity(purchase).build();
    }

    @POST
    @Path("/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Purchase.Line> lines(@Valid List<Purchase.Line> lines) {
        return lines;
    }

    @POST
    @Path("/line")
    @Consumes(MediaType.APPLICATION_JSON)
    public Purchase.Line line(@Valid Purchase.Line line) {
        return line;
    }

    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile replaceProfile(@Valid Profile profile) {
        profile.id = "me";
        return profile;
    }

    @PATCH
    @Path("/me")
    @Consumes("application/merge-patch+json")
    public Profile patchProfile(Profile patch) {
        patch.id = "me";
        return patch;
    }

    /** A note as JSON (a JSON string) or as plain text: both listed, both taken. */
    @POST
    @Path("/note")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public String note(String note) {
        return "{\"length\":" + note.length() + "}";
    }

    /** A JSON-P document: no Java type to bind, so only the structural rules apply. */
    @POST
    @Path("/document")
    public Response document(JsonObject document) {
        return Response.status(201).entity("{\"members\":" + document.size() + "}").build();
    }

    @POST
    @Path("/text")
    @Consumes(MediaType.TEXT_PLAIN)
    public String text(String body) {
        return "{\"length\":" + body.length() + "}";
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String form(@FormParam("note") String note) {
        return "{\"length\":" + (note == null ? 0 : note.length()) + "}";
    }

    /** A bulk upload that may be larger than the default limit; no other endpoint may profit from it. */
    @POST
    @Path("/big-text")
    @Consumes(MediaType.TEXT_PLAIN)
    @JsonBodyLimits(maxBytes = 4_194_304)
    public String bigText(String body) {
        return "{\"length\":" + body.length() + "}";
    }

    @POST
    @Path("/big-form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @JsonBodyLimits(maxBytes = 4_194_304)
    public String bigForm(@FormParam("note") String note) {
        return "{\"length\":" + (note == null ? 0 : note.length()) + "}";
    }

    /** A status update: no string longer than a post may be, whatever the configuration allows elsewhere. */
    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonBodyLimits(maxStringLength = 280)
    public Response status(@Valid Purchase purchase) {
        return Response.status(201).entity(purchase).build();
    }

    /** Free text in the path and the query, answered as the application decoded it. */
    @GET
    @Path("/words/{word}")
    public String words(@PathParam("word") String word, @QueryParam("q") String q) {
        return Json.createObjectBuilder().add("word", word).add("q", q == null ? "" : q).build().toString();
    }
}
