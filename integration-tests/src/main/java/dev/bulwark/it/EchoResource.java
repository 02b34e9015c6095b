package dev.bulwark.it;

import dev.bulwark.api.SecurityHeader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Shows what the application sees of a request after Bulwark's transport layer. */
@PermitAll
@Path("/echo")
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    @Context
    HttpServletRequest request;

    @GET
    @Path("/client")
    public String client() {
        return "{\"client\":\"" + request.getAttribute("dev.bulwark.clientAddress") + "\",\"secure\":"
                + request.getAttribute("dev.bulwark.secure") + "}";
    }

    @GET
    @Path("/method")
    public String get(@HeaderParam("X-HTTP-Method-Override") String override) {
        return seen("GET", override);
    }

    @POST
    @Path("/method")
    public String post(@HeaderParam("X-HTTP-Method-Override") String override) {
        return seen("POST", override);
    }

    @DELETE
    @Path("/method")
    public String delete(@HeaderParam("X-HTTP-Method-Override") String override) {
        return seen("DELETE", override);
    }

    private static String seen(String method, String override) {
        return "{\"method\":\"" + method + "\",\"override\":" + (override == null ? "null" : "\"present\"") + "}";
    }

    /** Answered on another thread after the request's thread left the filters, with an entity JSON-B writes. */
    @GET
    @Path("/later")
    @Produces(MediaType.APPLICATION_JSON)
    public void later(@jakarta.ws.rs.container.Suspended jakarta.ws.rs.container.AsyncResponse response) {
        java.util.concurrent.CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> response.resume(java.util.Map.of("later", true)));
    }

    /** Nothing to answer: a 204, as most DELETE endpoints send. */
    @GET
    @Path("/nothing")
    public jakarta.ws.rs.core.Response nothing() {
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    /** A resource that changes two of Bulwark's headers for itself. */
    @GET
    @Path("/page")
    @Produces(MediaType.TEXT_HTML)
    @SecurityHeader(name = "Content-Security-Policy", value = "default-src 'self'; frame-ancestors 'none'")
    @SecurityHeader(name = "X-Frame-Options", value = "off")
    public String page() {
        return "<!doctype html><title>page</title>";
    }
}
