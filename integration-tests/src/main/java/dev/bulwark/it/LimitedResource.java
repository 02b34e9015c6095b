package dev.bulwark.it;

import dev.bulwark.api.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Endpoints with small limits, one per test scenario so that their counts never mix. */
@Path("/limited")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LimitedResource {

    @GET
    @Path("/spoof")
    @RateLimit(rate = "5/1m")
    public String spoof() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/items/{id}")
    @RateLimit(rate = "5/1m")
    public String item(@PathParam("id") String id) {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/head")
    @RateLimit(rate = "5/1m")
    public String head() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/fields")
    @RateLimit(name = "burst", rate = "3/10s")
    @RateLimit(name = "hourly", rate = "100/1h")
    public String fields() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/principal")
    @RolesAllowed("user")
    @RateLimit(rate = "5/1m", key = RateLimit.Key.PRINCIPAL)
    public String principal() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/tenant")
    @RateLimit(rate = "3/1m", key = RateLimit.Key.CUSTOM, resolver = TenantKey.class)
    public String tenant() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/key")
    @RateLimit(rate = "3/1m", key = RateLimit.Key.API_KEY)
    public String apiKey() {
        return "{\"ok\":true}";
    }

    /** Resumed on another thread after the request's thread has left the filters: a 204, no body. */
    @GET
    @Path("/later/empty")
    @RateLimit(rate = "5/1m")
    public void laterEmpty(@Suspended AsyncResponse response) {
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                .execute(() -> response.resume(Response.noContent().build()));
    }

    /** Resumed on another thread after the request's thread has left the filters, with a body. */
    @GET
    @Path("/later/body")
    @RateLimit(rate = "5/1m")
    public void laterBody(@Suspended AsyncResponse response) {
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                .execute(() -> response.resume("{\"ok\":true}"));
    }

    /** Resumed at once on another thread, maybe before the request's thread has left the filters: a 204. */
    @GET
    @Path("/later/now")
    @RateLimit(rate = "100/1m")
    public void laterNow(@Suspended AsyncResponse response) {
        CompletableFuture.runAsync(() -> response.resume(Response.noContent().build()));
    }

    /** Resumed later with an entity that writes no byte. */
    @GET
    @Path("/later/zero")
    @RateLimit(rate = "5/1m")
    public void laterZero(@Suspended AsyncResponse response) {
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> response.resume(""));
    }

    /** Resumed later with an error of the application's that has no body and asks to be cached. */
    @GET
    @Path("/later/conflict")
    @RateLimit(rate = "5/1m")
    public void laterConflict(@Suspended AsyncResponse response) {
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> response.resume(
                Response.status(409).header("Cache-Control", "max-age=600").header("X-Frame-Options", "SAMEORIGIN")
                        .build()));
    }

    /** Resumed later with an error page of the application's: a document a browser renders, not a problem. */
    @GET
    @Path("/later/page")
    public void laterPage(@Suspended AsyncResponse response) {
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> response.resume(
                Response.status(404).type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE)
                        .entity("<!doctype html><title>gone</title><p>gone</p>").build()));
    }
}
