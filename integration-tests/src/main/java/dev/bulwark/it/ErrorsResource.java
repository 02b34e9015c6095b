package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every way an application can fail, each carrying something that must never reach a client. */
@PermitAll
@Path("/errors")
@Produces(MediaType.APPLICATION_JSON)
public class ErrorsResource {

    @GET
    @Path("/ok")
    public String ok() {
        return "{\"ok\":true}";
    }

    /** The usual JAX-RS 201: the container makes the Location absolute from the host the request named. */
    @jakarta.ws.rs.POST
    @Path("/created")
    public Response created() {
        return Response.created(java.net.URI.create("things/7")).build();
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("SELECT secret FROM users WHERE password='hunter2'");
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new WebApplicationException("row 42 locked by com.acme.internal.LockManager", 409);
    }

    @GET
    @Path("/html-404")
    public Response html404() {
        return Response.status(404).type(MediaType.TEXT_HTML)
                .entity("<html>No such file /etc/passwd on WebSphere Liberty</html>").build();
    }

    @GET
    @Path("/raw-500")
    public Response raw500() {
        return Response.serverError().type(MediaType.TEXT_PLAIN)
                .entity("java.lang.NullPointerException\n\tat com.acme.Foo.bar(Foo.java:42)").build();
    }

    @GET
    @Path("/empty-503")
    public Response empty503() {
        return Response.status(503).build();
    }

    @GET
    @Path("/product-headers")
    public Response productHeaders() {
        return Response.ok("{\"ok\":true}").header("Server", "Acme/1.0").header("X-Powered-By", "PHP/5.1").build();
    }
}
