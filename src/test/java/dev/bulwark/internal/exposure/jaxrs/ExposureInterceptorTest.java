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
import dev.bulwark.api.Sensitive;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import dev.bulwark.internal.exposure.FieldAccount;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The interceptor as the JAX-RS runtime drives it: which entities it writes, and with which caller's view. */
@SuppressWarnings({"try", "unchecked"}) // Jsonb.close() declares Exception; the providers proxy
class ExposureInterceptorTest {

    public static class Account {
        public String name = "Ada";
        public String email = "ada@example.com";
        public String apiKey = "sk_live_123";
    }

    /** A subclass an endpoint declared as Account may return. */
    public static class VipAccount extends Account {
        @Sensitive
        public String internalRating = "VIP-INTERNAL";
        public String tier = "gold";
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
        @Path("async")
        @ResponseFields(value = "name", anonymous = true)
        public void async(@Suspended AsyncResponse response) {
            response.resume(new Account());
        }

        @GET
        @Path("response")
        public Response response() {
            return Response.ok(new VipAccount()).build();
        }

        @GET
        @Path("any")
        public Object any() {
            return new FieldAccount();
        }

        @GET
        @Path("later")
        @ResponseFields(value = {"name", "tier"}, anonymous = true)
        public CompletionStage<?> later() {
            return CompletableFuture.completedFuture(new VipAccount());
        }

        @GET
        @Path("field")
        public FieldAccount field() {
            return new FieldAccount();
        }

        @GET
        @Path("text")
        public String text() {
            return "{\"apiKey\":\"x\"}";
        }
    }

    private static ExposurePolicy policy(String method, Class<?>... parameters) throws Exception {
        return EndpointModel.build(List.of(new ExposureResolver(ExposureSettings.defaults())),
                List.of(ResourceScanner.site(Accounts.class, Accounts.class.getMethod(method, parameters))))
                .policies().get(0).get(ExposurePolicy.class);
    }

    private record Written(String body, boolean proceeded) {
    }

    private static Written write(ExposurePolicy policy, Object entity, Class<?> type, MediaType media,
                                 Map<String, Object> properties) throws Exception {
        return write(policy, entity, type, media, properties, null, null);
    }

    /**
     * @param providers the application's providers (null: none looked up)
     * @param writer    what the writer the runtime chose writes when the interceptor proceeds (null: nothing)
     */
    private static Written write(ExposurePolicy policy, Object entity, Class<?> type, MediaType media,
                                 Map<String, Object> properties, Providers providers, String writer)
            throws Exception {
        ExposureInterceptor interceptor = new ExposureInterceptor(policy,
                new ExposureSerializers(SensitiveNames.defaults()), "scope");
        if (providers != null) {
            java.lang.reflect.Field f = ExposureInterceptor.class.getDeclaredField("providers");
            f.setAccessible(true);
            f.set(interceptor, providers);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream[] current = {out};
        AtomicBoolean proceeded = new AtomicBoolean();
        WriterInterceptorContext context = (WriterInterceptorContext) Proxy.newProxyInstance(
                ExposureInterceptorTest.class.getClassLoader(), new Class<?>[] {WriterInterceptorContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getEntity" -> entity;
                    case "getType" -> type;
                    case "getGenericType" -> type;
                    case "getMediaType" -> media;
                    case "getAnnotations" -> new Annotation[0];
                    case "getOutputStream" -> current[0];
                    case "setOutputStream" -> {
                        current[0] = (OutputStream) args[0];
                        yield null;
                    }
                    case "getProperty" -> properties.get((String) args[0]);
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    case "proceed" -> {
                        proceeded.set(true);
                        if (writer != null) {
                            current[0].write(writer.getBytes(StandardCharsets.UTF_8));
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        interceptor.aroundWriteTo(context);
        return new Written(out.toString(StandardCharsets.UTF_8), proceeded.get());
    }

    /** Providers whose writer for every type is {@code writer} and whose JSON-B resolver gives {@code jsonb}. */
    private static Providers providers(Object writer, Jsonb jsonb) {
        return (Providers) Proxy.newProxyInstance(ExposureInterceptorTest.class.getClassLoader(),
                new Class<?>[] {Providers.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMessageBodyWriter" -> writer;
                    case "getContextResolver" -> jsonb == null ? null
                            : (ContextResolver<Jsonb>) t -> jsonb;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A stand-in for the writer an application registers (its class is the application's, not the runtime's). */
    private static MessageBodyWriter<Object> applicationWriter() {
        return (MessageBodyWriter<Object>) Proxy.newProxyInstance(ExposureInterceptorTest.class.getClassLoader(),
                new Class<?>[] {MessageBodyWriter.class}, (proxy, m, args) -> {
                    throw new UnsupportedOperationException("the test's context writes the writer's output");
                });
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
        RequestState.ensure(properties::get, properties::put).put(ExposurePolicy.ERROR_STATUS, true);
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
        assertThat(ExposureInterceptor.json(null)).isFalse();
        assertThat(ExposureInterceptor.json(MediaType.TEXT_PLAIN_TYPE)).isFalse();
        assertThat(ExposureInterceptor.json(MediaType.valueOf("application/jsonl"))).isFalse();
    }

    @Test
    void everyMediaTypeAJsonbProviderWritesIsFilteredTextJsonIncluded() throws Exception {
        ExposurePolicy p = policy("get");
        for (String media : List.of("text/json", "TEXT/JSON", "application/hal+json", "text/x.custom+json",
                "application/json;charset=UTF-8")) {
            Written w = write(p, new Account(), Account.class, MediaType.valueOf(media), new HashMap<>());
            assertThat(w.body()).as(media).isEqualTo("{\"name\":\"Ada\"}");
            assertThat(w.proceeded()).as(media).isFalse();
        }
    }

    @Test
    void anAsynchronousMethodIsBoundItsListAppliesToWhatItResumesWith() throws Exception {
        ExposurePolicy p = policy("async", AsyncResponse.class);
        assertThat(p).isNotNull();
        assertThat(p.describe()).contains("anyone: name (type unknown at deployment (asynchronous response))");
        assertThat(write(p, new VipAccount(), VipAccount.class, MediaType.APPLICATION_JSON_TYPE, new HashMap<>())
                .body()).isEqualTo("{\"name\":\"Ada\"}");
        // the runtime may hand over the method's void as the generic type: the entity's class is written then
        assertThat(write(p, new VipAccount(), void.class, MediaType.APPLICATION_JSON_TYPE, new HashMap<>())
                .body()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @Test
    void aResponseObjectOrStageHoldsBackTheSensitiveFieldsOfTheRuntimeClass() throws Exception {
        for (String method : List.of("response", "any", "later")) {
            assertThat(policy(method)).as(method).isNotNull();
            assertThat(policy(method).describe()).as(method).contains("type unknown at deployment");
        }
        assertThat(write(policy("response"), new VipAccount(), VipAccount.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\","
                + "\"tier\":\"gold\"}");
        assertThat(write(policy("later"), new VipAccount(), VipAccount.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).isEqualTo("{\"name\":\"Ada\",\"tier\":\"gold\"}");
        // in a list, by the elements' classes
        assertThat(write(policy("response"), List.of(new VipAccount()), List.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).doesNotContain("VIP-INTERNAL").contains("\"tier\":\"gold\"");
    }

    @Test
    void aFieldAccessVisibilityCannotLetASensitiveFieldOut() throws Exception {
        ExposurePolicy declared = policy("field");
        assertThat(declared.heldBack()).contains("internalNote");
        assertThat(write(declared, new FieldAccount(), FieldAccount.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).isEqualTo("{\"name\":\"Ada\"}");
        // returned as Object: known by its runtime class only
        assertThat(write(policy("any"), new FieldAccount(), FieldAccount.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(write(policy("any"), new FieldAccount(), Object.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @Test
    void anApplicationsOwnWriterKeepsItsFormatAndTheListsStillHold() throws Exception {
        String own = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"apiKey\":\"sk\",\"when\":\"today\"}";
        Written anonymous = write(policy("get"), new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>(), providers(applicationWriter(), null), own);
        assertThat(anonymous.proceeded()).isTrue();
        assertThat(anonymous.body()).isEqualTo("{\"name\":\"Ada\"}");
        Written noList = write(policy("response"), new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>(), providers(applicationWriter(), null), own);
        assertThat(noList.body()).as("its own names and format, without the sensitive one")
                .isEqualTo("{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"when\":\"today\"}");
    }

    @Test
    void anApplicationWriterThatWritesNoJsonLetsNothingOut() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write(policy("response"), new Account(),
                Account.class, MediaType.APPLICATION_JSON_TYPE, new HashMap<>(), providers(applicationWriter(), null),
                "{\"name\":\"Ada\",\"apiKey\":\"sk\", not json")).isInstanceOf(
                jakarta.json.stream.JsonParsingException.class);
    }

    @Test
    void theRuntimesJsonbWriterIsReplacedNotProceededToWhateverTheMediaType() throws Exception {
        Providers runtime = providers(new org.jboss.resteasy.plugins.providers.jsonb.JsonBindingProvider(), null);
        // a method without @Produces negotiating */*: the runtime's JSON-B provider writes octet-stream
        Written octets = write(policy("get"), new Account(), Account.class, MediaType.APPLICATION_OCTET_STREAM_TYPE,
                new HashMap<>(), runtime, null);
        assertThat(octets.proceeded()).isFalse();
        assertThat(octets.body()).isEqualTo("{\"name\":\"Ada\"}");
        // another writer of a media type that is not JSON is left alone
        Written xml = write(policy("get"), new Account(), Account.class, MediaType.APPLICATION_XML_TYPE,
                new HashMap<>(), providers(applicationWriter(), null), "<account/>");
        assertThat(xml.proceeded()).isTrue();
        assertThat(xml.body()).isEqualTo("<account/>");
        assertThat(ExposureInterceptor.platform(
                org.jboss.resteasy.plugins.providers.jsonb.JsonBindingProvider.class)).isTrue();
        assertThat(ExposureInterceptor.platform(PlatformJsonb.class)).isFalse();
        assertThat(ExposureInterceptor.platform(applicationWriter().getClass())).isFalse();
    }

    /** Not a runtime's writer, whatever it is named like. */
    private static final class PlatformJsonb {
    }

    @Test
    void anApplicationsJsonbHoldsBackTheSensitiveFieldsOfASubclass() throws Exception {
        try (Jsonb plain = JsonbBuilder.create()) {
            Written w = write(policy("get"), new VipAccount(), Account.class, MediaType.APPLICATION_JSON_TYPE,
                    withToken("admin"), providers(null, plain), null);
            assertThat(w.body()).isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
            Written all = write(policy("response"), new VipAccount(), VipAccount.class,
                    MediaType.APPLICATION_JSON_TYPE, new HashMap<>(), providers(null, plain), null);
            assertThat(all.body()).doesNotContain("VIP-INTERNAL").doesNotContain("apiKey").contains("tier");
        }
    }

    @Test
    void aRedirectGetsTheViewsAnErrorStatusTheSensitiveNamesOnly() throws Exception {
        ExposurePolicy p = policy("get");
        Map<String, Object> redirect = filtered(p, 303);
        assertThat(write(p, new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE, redirect).body())
                .isEqualTo("{\"name\":\"Ada\"}");
        Map<String, Object> error = filtered(p, 409);
        assertThat(write(p, new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE, error).body())
                .isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
    }

    /** The request properties after the response filter saw a status. */
    private static Map<String, Object> filtered(ExposurePolicy policy, int status) {
        Map<String, Object> properties = new HashMap<>();
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                ExposureInterceptorTest.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                ExposureInterceptorTest.class.getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getStatus" -> status;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        new ExposureInterceptor(policy, new ExposureSerializers(SensitiveNames.defaults()), "scope")
                .filter(request, response);
        return properties;
    }
}
