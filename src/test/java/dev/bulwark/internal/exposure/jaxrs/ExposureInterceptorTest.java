package dev.bulwark.internal.exposure.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.exposure.ExposurePolicy;
import dev.bulwark.internal.exposure.ExposureResolver;
import dev.bulwark.internal.exposure.ExposureSerializers;
import dev.bulwark.internal.exposure.ExposureSettings;
import dev.bulwark.internal.exposure.SensitiveNames;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.resources.ResourceScanner;
import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The interceptor as the JAX-RS runtime drives it: which entities it writes, and with which caller's view. */
class ExposureInterceptorTest {

    public static class Account {
        public String name = "Ada";
        public String email = "ada@example.com";
        public String apiKey = "sk_live_123";
    }

    @Path("/accounts")
    @PermitAll
    public static class Accounts {
        @GET
        @ResponseFields(value = "name", anonymous = true)
        @ResponseFields(value = "email", roles = "admin")
        public Account get() {
            return new Account();
        }

        @GET
        @Path("text")
        public String text() {
            return "{\"apiKey\":\"x\"}";
        }
    }

    private static ExposurePolicy policy(String method) throws Exception {
        return EndpointModel.build(List.of(new ExposureResolver(ExposureSettings.defaults())),
                List.of(ResourceScanner.site(Accounts.class, Accounts.class.getMethod(method)))).policies().get(0)
                .get(ExposurePolicy.class);
    }

    private record Written(String body, boolean proceeded) {
    }

    private static Written write(ExposurePolicy policy, Object entity, Class<?> type, MediaType media,
                                 Map<String, Object> properties) throws Exception {
        ExposureInterceptor interceptor = new ExposureInterceptor(policy,
                new ExposureSerializers(SensitiveNames.defaults()), "scope");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicBoolean proceeded = new AtomicBoolean();
        WriterInterceptorContext context = (WriterInterceptorContext) Proxy.newProxyInstance(
                ExposureInterceptorTest.class.getClassLoader(), new Class<?>[] {WriterInterceptorContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getEntity" -> entity;
                    case "getType" -> type;
                    case "getGenericType" -> type;
                    case "getMediaType" -> media;
                    case "getOutputStream" -> out;
                    case "getProperty" -> properties.get((String) args[0]);
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    case "proceed" -> {
                        proceeded.set(true);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        interceptor.aroundWriteTo(context);
        return new Written(out.toString(StandardCharsets.UTF_8), proceeded.get());
    }

    private static Map<String, Object> withToken(String... groups) {
        Map<String, Object> properties = new HashMap<>();
        var groupArray = Json.createArrayBuilder();
        for (String g : groups) {
            groupArray.add(g);
        }
        RequestState.ensure(properties::get, properties::put).put(TokenGate.VERIFIED, new RawToken(
                Json.createObjectBuilder().add("alg", "RS256").build(),
                Json.createObjectBuilder().add("sub", "u").add("groups", groupArray).build(), "a.b.c"));
        return properties;
    }

    @Test
    void anonymousCallersGetTheAnonymousViewAndAdminsTheUnion() throws Exception {
        ExposurePolicy p = policy("get");
        assertThat(write(p, new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE, new HashMap<>()).body())
                .isEqualTo("{\"name\":\"Ada\"}");
        assertThat(write(p, new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE, withToken("user"))
                .body()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(write(p, new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE, withToken("admin"))
                .body()).isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
    }

    @Test
    void aResponseThatIsNotASuccessIsHeldToTheSensitiveNamesOnly() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        RequestState.ensure(properties::get, properties::put).put(ExposurePolicy.NOT_SUCCESS, true);
        assertThat(write(policy("get"), new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE, properties)
                .body()).isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
    }

    @Test
    void problemJsonIsJsonTooButTextAndOtherMediaTypesGoOnUntouched() throws Exception {
        ExposurePolicy p = policy("get");
        assertThat(write(p, new Account(), Account.class, MediaType.valueOf("application/vnd.api+json"),
                new HashMap<>()).body()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(policy("text")).as("a method returning a string has nothing to filter").isNull();
        Written text = write(p, "{\"apiKey\":\"x\"}", String.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>());
        assertThat(text.proceeded()).isTrue();
        assertThat(text.body()).isEmpty();
        assertThat(write(p, new Account(), Account.class, MediaType.APPLICATION_XML_TYPE, new HashMap<>())
                .proceeded()).isTrue();
        assertThat(ExposureInterceptor.json(MediaType.valueOf("text/json"))).isFalse();
        assertThat(ExposureInterceptor.json(null)).isFalse();
    }
}
