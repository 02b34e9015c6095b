package dev.bulwark.internal.contract;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The resources test/resources/openapi/pets.yaml describes (and one it does not), below {@code /shop/api}. */
final class PetsApi {

    private PetsApi() {
    }

    @ApplicationPath("/api")
    public static class App extends Application {
    }

    @Path("/pets")
    @PermitAll
    public static class Pets {
        @GET
        public String list() {
            return "[]";
        }

        @POST
        @Consumes("application/json")
        public String create(Pet pet) {
            return "{}";
        }

        @GET
        @Path("/{petId: [0-9]+}")
        public String one(@PathParam("petId") long id) {
            return "{}";
        }

        @PUT
        @Path("/{petId: [0-9]+}")
        public String update(@PathParam("petId") long id, String body) {
            return body;
        }

        @GET
        @Path("/export")
        public String export() {
            return "";
        }
    }

    /** The body type. */
    public static class Pet {
        public String kind;
        public String name;
    }

    static List<Class<?>> classes() {
        return List.of(App.class, Pets.class);
    }

    static String document(String name) {
        try (InputStream in = PetsApi.class.getResourceAsStream("/openapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
