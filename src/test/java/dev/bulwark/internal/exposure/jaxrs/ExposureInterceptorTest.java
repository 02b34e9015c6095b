package dev.bulwark.internal.exposure.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.errors.ProblemException;
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
import dev.bulwark.internal.exposure.LeakShapes;
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
import java.lang.reflect.Type;
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
        @Path("star")
        @ResponseFields(value = {"name", "card.*"}, anonymous = true)
        public Response star() {
            return Response.ok(new LeakShapes.Holder()).build();
        }

        @GET
        @Path("named")
        @ResponseFields(value = {"holder", "vaultReference"}, anonymous = true)
        public Object named() {
            return new LeakShapes.FieldCard();
        }

        @GET
        @Path("text")
        public String text() {
            return "{\"apiKey\":\"x\"}";
        }
    }

    /** A DTO declaring its own views, returned by endpoints whose declared type does not reveal it. */
    @ResponseFields(value = {"name"}, anonymous = true)
    @ResponseFields(value = {"name", "email"}, roles = "admin")
    public static class ViewedDto {
        public String name = "Ada";
        public String email = "ada@example.com";
        public String internalNote = "owes us money";
    }

    /** What an ORM makes of a viewed entity: a subclass (a proxy) with fields of its own. */
    public static class ViewedDtoProxy extends ViewedDto {
        public String handler = "PROXY-STATE";
    }

    /** Views that are wrong for their class: one names a sensitive property (a deployment problem elsewhere). */
    @ResponseFields(value = {"name", "password"}, anonymous = true)
    public static class WronglyViewedDto {
        public String name = "Ada";
        public String password = "hunter2";
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
        return write(policy, entity, type, media, properties, providers, writer, List.of());
    }

    /** @param produces the method's {@code @Produces} media types */
    private static Written write(ExposurePolicy policy, Object entity, Class<?> type, MediaType media,
                                 Map<String, Object> properties, Providers providers, String writer,
                                 List<String> produces) throws Exception {
        ExposureInterceptor interceptor = new ExposureInterceptor(policy,
                new ExposureSerializers(SensitiveNames.defaults()), "scope", "dev.bulwark.Accounts#get", produces,
                new ExposureResolver(ExposureSettings.defaults()));
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
    void aResponseOrObjectEntityIsHeldToTheViewsItsOwnClassDeclares() throws Exception {
        // Response.ok(dto) and Object: the declared type says nothing, the entity's class does
        for (String method : List.of("response", "any")) {
            ExposurePolicy p = policy(method);
            assertThat(write(p, new ViewedDto(), ViewedDto.class, MediaType.APPLICATION_JSON_TYPE, new HashMap<>())
                    .body()).as(method).isEqualTo("{\"name\":\"Ada\"}");
            assertThat(write(p, new ViewedDto(), ViewedDto.class, MediaType.APPLICATION_JSON_TYPE,
                    withToken("admin")).body()).as(method)
                    .isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
            // a caller no view is for gets the object empty (fail closed), as with the endpoint's own views
            assertThat(write(p, new ViewedDto(), ViewedDto.class, MediaType.APPLICATION_JSON_TYPE,
                    withToken("user")).body()).as(method).isEqualTo("{\"name\":\"Ada\"}");
        }
        // a subclass (an ORM proxy) is held to its parent's views: its own fields never leave
        assertThat(write(policy("response"), new ViewedDtoProxy(), ViewedDtoProxy.class,
                MediaType.APPLICATION_JSON_TYPE, new HashMap<>()).body()).isEqualTo("{\"name\":\"Ada\"}");
        // the same again (the class's interceptor is kept): still filtered
        assertThat(write(policy("response"), new ViewedDto(), ViewedDto.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).doesNotContain("internalNote").doesNotContain("email");
        // a class without views still leaves whole but for its sensitive names
        assertThat(write(policy("response"), new Account(), Account.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>()).body()).isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
    }

    @Test
    void aListOfViewedDtosWithItsGenericTypeIsHeldToTheirViews() throws Exception {
        ExposurePolicy p = policy("response");
        Type listOfDtos = new jakarta.ws.rs.core.GenericType<List<ViewedDto>>() { }.getType();
        ExposureInterceptor interceptor = new ExposureInterceptor(p,
                new ExposureSerializers(SensitiveNames.defaults()), "scope", "dev.bulwark.Accounts#response",
                List.of(), new ExposureResolver(ExposureSettings.defaults()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ViewedDto> entity = List.of(new ViewedDto(), new ViewedDto());
        Map<String, Object> properties = new HashMap<>();
        interceptor.aroundWriteTo((WriterInterceptorContext) Proxy.newProxyInstance(
                ExposureInterceptorTest.class.getClassLoader(), new Class<?>[] {WriterInterceptorContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getEntity" -> entity;
                    case "getType" -> entity.getClass();
                    case "getGenericType" -> listOfDtos;
                    case "getMediaType" -> MediaType.APPLICATION_JSON_TYPE;
                    case "getAnnotations" -> new Annotation[0];
                    case "getOutputStream" -> out;
                    case "getProperty" -> properties.get((String) args[0]);
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(m.getName());
                }));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[{\"name\":\"Ada\"},{\"name\":\"Ada\"}]");
    }

    @Test
    void viewsWrongForTheirClassRefuseTheResponseRatherThanWriteItWhole() {
        assertThatThrownBy(() -> write(policy("response"), new WronglyViewedDto(), WronglyViewedDto.class,
                MediaType.APPLICATION_JSON_TYPE, new HashMap<>())).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("Accounts#get").contains("WronglyViewedDto")
                            .contains("'password'").doesNotContain("hunter2");
                });
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
        // a String entity (a Response built with one) on a method with an allow-list: no list can filter it
        assertThatThrownBy(() -> write(p, "{\"apiKey\":\"x\"}", String.class, MediaType.APPLICATION_JSON_TYPE,
                new HashMap<>())).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("Accounts#get").contains("String entity");
                });
        // without an allow-list a String goes on untouched (the egress check reads it)
        Written text = write(policy("response"), "{\"apiKey\":\"x\"}", String.class,
                MediaType.APPLICATION_JSON_TYPE, new HashMap<>());
        assertThat(text.proceeded()).isTrue();
        assertThat(text.body()).isEmpty();
        // and so does a String in an error response of a method with a list (an exception mapper's)
        Map<String, Object> error = new HashMap<>();
        RequestState.ensure(error::get, error::put).put(ExposurePolicy.ERROR_STATUS, true);
        assertThat(write(p, "oops", String.class, MediaType.TEXT_PLAIN_TYPE, error).proceeded()).isTrue();
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
        // another writer of a media type that is not JSON would write every field: refused, nothing written
        for (MediaType other : List.of(MediaType.APPLICATION_XML_TYPE, MediaType.TEXT_PLAIN_TYPE,
                MediaType.valueOf("application/yaml"))) {
            assertThatThrownBy(() -> write(policy("get"), new Account(), Account.class, other, new HashMap<>(),
                    providers(applicationWriter(), null), "<account/>")).as(other.toString())
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(406);
                        assertThat(e.getMessage()).contains("Accounts#get").contains(other.toString());
                    });
        }
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

    @Test
    void aNestedSensitiveFieldOfAFieldAccessClassNeverLeavesWhateverHoldsIt() throws Exception {
        ExposurePolicy p = policy("response");
        LeakShapes.FieldCard card = new LeakShapes.FieldCard();
        Map<Object, Class<?>> entities = new java.util.LinkedHashMap<>();
        entities.put(new LeakShapes.Holder(), LeakShapes.Holder.class);
        entities.put(new LeakShapes.Page<>(List.of(card)), Object.class);
        entities.put(new LeakShapes.Envelope(new LeakShapes.Page<>(List.of(card))), LeakShapes.Envelope.class);
        entities.put(java.util.Optional.of(card), java.util.Optional.class);
        entities.put(Map.of("a", List.of(card)), Map.class);
        entities.put(List.of(List.of(card)), List.class);
        entities.put(new Object[] {card}, Object[].class);
        for (Map.Entry<Object, Class<?>> e : entities.entrySet()) {
            String body = write(p, e.getKey(), e.getValue(), MediaType.APPLICATION_JSON_TYPE, new HashMap<>()).body();
            assertThat(body).as(e.getKey().getClass().getName()).contains("4242").doesNotContain("VAULT-SECRET")
                    .doesNotContain("vaultReference");
        }
    }

    @Test
    void anAllowListNamingANestedSensitiveNameMetAtRunTimeStillHoldsItBack() throws Exception {
        assertThat(write(policy("star"), new LeakShapes.Holder(), LeakShapes.Holder.class,
                MediaType.APPLICATION_JSON_TYPE, new HashMap<>()).body())
                .isEqualTo("{\"card\":{\"holder\":\"Ada\",\"last4\":\"4242\"},\"name\":\"holder\"}");
        assertThat(write(policy("named"), new LeakShapes.FieldCard(), LeakShapes.FieldCard.class,
                MediaType.APPLICATION_JSON_TYPE, new HashMap<>()).body()).isEqualTo("{\"holder\":\"Ada\"}");
    }

    @Test
    void anApplicationsJsonbOrWriterHoldsBackANestedSensitiveGetter() throws Exception {
        try (Jsonb plain = JsonbBuilder.create()) {
            Written w = write(policy("response"), new LeakShapes.LoginEnvelope(), LeakShapes.LoginEnvelope.class,
                    MediaType.APPLICATION_JSON_TYPE, new HashMap<>(), providers(null, plain), null);
            assertThat(w.body()).isEqualTo("{\"data\":{\"login\":\"ada\"},\"status\":\"ok\"}");
            Written nested = write(policy("response"), new LeakShapes.Envelope(new LeakShapes.Login()),
                    LeakShapes.Envelope.class, MediaType.APPLICATION_JSON_TYPE, new HashMap<>(),
                    providers(null, plain), null);
            assertThat(nested.body()).contains("\"login\":\"ada\"").doesNotContain("RECOVERY");
        }
        String own = "{\"name\":\"holder\",\"card\":{\"holder\":\"Ada\",\"vaultReference\":\"VAULT-SECRET-1\"}}";
        Written writer = write(policy("response"), new LeakShapes.Holder(), LeakShapes.Holder.class,
                MediaType.APPLICATION_JSON_TYPE, new HashMap<>(), providers(applicationWriter(), null), own);
        assertThat(writer.body()).isEqualTo("{\"name\":\"holder\",\"card\":{\"holder\":\"Ada\"}}");
    }

    @Test
    void aCycleInTheDataIsAGenericServerErrorNamingTheMethodInTheLog() {
        LeakShapes.Envelope loop = new LeakShapes.Envelope(null);
        loop.data = loop;
        assertThatThrownBy(() -> write(policy("response"), loop, LeakShapes.Envelope.class,
                MediaType.APPLICATION_JSON_TYPE, new HashMap<>())).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("Accounts#get").contains("deeper than");
                });
    }

    @Test
    void aMediaTypeTheMethodProducesExplicitlyIsLeftToItsWriter() throws Exception {
        Written text = write(policy("response"), new Account(), Account.class, MediaType.TEXT_PLAIN_TYPE,
                new HashMap<>(), providers(applicationWriter(), null), "Account", List.of("text/plain; charset=UTF-8"));
        assertThat(text.proceeded()).isTrue();
        assertThat(text.body()).isEqualTo("Account");
        // a wildcard is not an explicit media type
        assertThatThrownBy(() -> write(policy("response"), new Account(), Account.class, MediaType.TEXT_PLAIN_TYPE,
                new HashMap<>(), providers(applicationWriter(), null), "Account", List.of("*/*", "text/*")))
                .isInstanceOf(ProblemException.class);
        // a JSON-P object for text/plain is refused too, while an error response's entity is the error path's
        assertThatThrownBy(() -> write(policy("response"), Json.createObjectBuilder().add("name", "n").build(),
                jakarta.json.JsonObject.class, MediaType.TEXT_PLAIN_TYPE, new HashMap<>(),
                providers(applicationWriter(), null), "{}")).isInstanceOf(ProblemException.class);
        Map<String, Object> error = filtered(policy("response"), 404);
        assertThat(write(policy("response"), new Account(), Account.class, MediaType.TEXT_PLAIN_TYPE, error,
                providers(applicationWriter(), null), "Account").proceeded()).isTrue();
    }
}
