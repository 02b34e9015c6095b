package dev.bulwark.it;

import dev.bulwark.api.ResponseFields;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's customers served straight from JPA entities (ExposureIT): what leaves is decided by the allow-lists,
 * per role, while JSON-B writes the entities. {@code @DeclareRoles}: Payara's MicroProfile JWT maps a token group to a
 * role only when the application declares it (or names it in a class-level {@code @RolesAllowed}).
 */
@Path("/shop")
@DeclareRoles({"admin", "customer"})
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

    @PersistenceContext(unitName = "shop")
    EntityManager em;

    /** Admins see every customer's e-mail and orders; customers see names only. */
    @GET
    @Path("customers")
    @RolesAllowed({"admin", "customer"})
    @ResponseFields(value = {"number", "name", "email", "orders.number", "orders.total"}, roles = "admin")
    @ResponseFields(value = {"number", "name"}, roles = "customer")
    public List<ShopCustomer> customers() {
        return em.createQuery("select c from ShopCustomer c order by c.number", ShopCustomer.class).getResultList();
    }

    /** A customer's own record, e-mail and orders included. */
    @GET
    @Path("me")
    @RolesAllowed({"admin", "customer"})
    @ResponseFields({"number", "name", "email", "passwordResetRequired", "orders.number", "orders.total",
            "orders.status"})
    public ShopCustomer me(@Context SecurityContext security) {
        return em.createQuery("select c from ShopCustomer c where c.login = :login", ShopCustomer.class)
                .setParameter("login", security.getUserPrincipal().getName()).getResultStream().findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** One customer as a Response entity: anyone gets the name, admins the e-mail too. */
    @GET
    @Path("customers/{number}")
    @PermitAll
    @ResponseFields(value = {"number", "name"}, anonymous = true)
    @ResponseFields(value = {"email"}, roles = "admin")
    public Response customer(@PathParam("number") String number) {
        return Response.ok(find(number)).build();
    }

    /** One customer written asynchronously: the list applies to what the method resumes with, as JSON or text/json. */
    @GET
    @Path("customers/{number}/async")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, "text/json"})
    @ResponseFields(value = {"number", "name"}, anonymous = true)
    public void customerLater(@PathParam("number") String number, @Suspended AsyncResponse response) {
        response.resume(find(number));
    }

    /** A receipt the application writes itself (ShopReceiptWriter): its format is kept, its list holds. */
    @GET
    @Path("receipts/{number}")
    @PermitAll
    @ResponseFields(value = {"receipt", "customerName", "issued"}, anonymous = true)
    public ShopReceipt receipt(@PathParam("number") String number) {
        return new ShopReceipt("R-" + number, find(number).getName(), "MARGIN-41pct", LocalDate.of(2026, 11, 30));
    }

    /** A card by field access, returned as Object: its @Sensitive field is known by the runtime class only. */
    @GET
    @Path("customers/{number}/card")
    @RolesAllowed("admin")
    public Object card(@PathParam("number") String number) {
        return new ShopCard(find(number).getName(), "4242", "VAULT-" + number);
    }

    /** The whole entity without an allow-list: the inventory's finding; sensitive data still never leaves. */
    @GET
    @Path("customers/{number}/whole")
    @RolesAllowed("admin")
    public ShopCustomer whole(@PathParam("number") String number) {
        return find(number);
    }

    /** Settings as a map: its keys are names, sensitive ones never leave. */
    @GET
    @Path("customers/{number}/settings")
    @RolesAllowed("admin")
    public Map<String, String> settings(@PathParam("number") String number) {
        ShopCustomer c = find(number);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("theme", "dark");
        settings.put("tokenType", "Bearer");
        settings.put("apiKey", "sk_live_" + c.getNumber() + "_4eC39HqLyjWDarjtT1zdp7dc");
        settings.put("webhook_secret", "whsec_" + c.getNumber());
        return settings;
    }

    private ShopCustomer find(String number) {
        return em.createQuery("select c from ShopCustomer c where c.number = :n", ShopCustomer.class)
                .setParameter("n", number).getResultStream().findFirst().orElseThrow(NotFoundException::new);
    }
}
