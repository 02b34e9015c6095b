package dev.bulwark.demo;

import dev.bulwark.api.ResponseFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    @Inject
    Store store;

    @GET
    @RolesAllowed(DemoApplication.ADMIN)
    public List<Customer> list() {
        return store.customers();
    }

    /**
     * Everyone's name for any caller; e-mail addresses for admins only (a customer sees its own on {@code /me}).
     */
    @GET
    @Path("/directory")
    @RolesAllowed({DemoApplication.CUSTOMER, DemoApplication.ADMIN})
    @ResponseFields(value = {"id", "name", "email"}, roles = DemoApplication.ADMIN)
    @ResponseFields(value = {"id", "name"}, roles = DemoApplication.CUSTOMER)
    public List<Customer> directory() {
        return store.customers();
    }

    /** The caller's own customer record, found by the token's subject. */
    @GET
    @Path("/me")
    @RolesAllowed({DemoApplication.CUSTOMER, DemoApplication.ADMIN})
    public Customer me(@Context SecurityContext security) {
        return store.customer(Caller.subject(security)).orElseThrow(NotFoundException::new);
    }

    /** Changes the caller's own name and e-mail. The id comes from the token; sending one is refused. */
    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({DemoApplication.CUSTOMER, DemoApplication.ADMIN})
    public Customer updateMe(@Valid @NotNull Customer body, @Context SecurityContext security) {
        return store.updateCustomer(Caller.subject(security), body.name(), body.email())
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(DemoApplication.ADMIN)
    public Customer get(@PathParam("id") String id) {
        return store.customer(id).orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(DemoApplication.ADMIN)
    public Response create(@Valid @NotNull NewCustomer body, @Context UriInfo uri) {
        Customer customer = new Customer(body.getId(), body.getName(), body.getEmail(),
                "created through the API");
        if (!store.addCustomer(customer)) {
            throw new WebApplicationException(Response.Status.CONFLICT);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(customer.id()).build()).entity(customer).build();
    }
}
