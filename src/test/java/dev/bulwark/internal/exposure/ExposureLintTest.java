package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.resources.ResourceScanner;
import jakarta.annotation.security.PermitAll;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * What the deployment refuses and what the lint reports about entities an allow-list cannot reach: other media
 * types than JSON, server-sent events, streams, entities unknown until run time, lists on supertypes.
 */
class ExposureLintTest {

    @Path("/media")
    @PermitAll
    public static class Media {
        @GET
        @Path("both")
        @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
        @ResponseFields(value = "name", anonymous = true)
        public JsonObject both() {
            return null;
        }

        @GET
        @Path("xml")
        @Produces({MediaType.APPLICATION_XML, "application/yaml"})
        public Shapes.Customer xml() {
            return null;
        }

        @GET
        @Path("json")
        @Produces({"application/json; charset=UTF-8", "application/problem+json", "*/*"})
        @ResponseFields(value = "name", anonymous = true)
        public Shapes.Customer json() {
            return null;
        }

        @GET
        @Path("text")
        @Produces(MediaType.TEXT_PLAIN)
        public String text() {
            return "";
        }

        @GET
        @Path("sse")
        @Produces(MediaType.SERVER_SENT_EVENTS)
        @ResponseFields(value = "name", anonymous = true)
        public void sse(@Context SseEventSink sink, @Context Sse sse) {
            // fixture
        }

        @GET
        @Path("sink")
        @ResponseFields(value = "name", anonymous = true)
        public void sink(@Context SseEventSink sink) {
            // fixture
        }

        @GET
        @Path("stream")
        @ResponseFields(value = "name", anonymous = true)
        public StreamingOutput stream() {
            return null;
        }

        @GET
        @Path("bytes")
        @ResponseFields(value = "name", anonymous = true)
        public byte[] bytes() {
            return null;
        }

        @GET
        @Path("streamed")
        public StreamingOutput streamed() {
            return null;
        }

        @GET
        @Path("response")
        public Response response() {
            return null;
        }

        @GET
        @Path("object")
        public Object object() {
            return null;
        }

        @GET
        @Path("stage")
        public CompletionStage<?> stage() {
            return null;
        }

        @GET
        @Path("async")
        public void async(@Suspended AsyncResponse response) {
            // fixture
        }

        @GET
        @Path("listed")
        @ResponseFields(value = "name", anonymous = true)
        public Response listed() {
            return null;
        }
    }

    @Produces(MediaType.APPLICATION_JSON)
    public interface Api {
        @GET
        @Path("plain")
        @ResponseFields(value = "name", anonymous = true)
        Shapes.Customer plain();
    }

    @Path("/impl")
    @PermitAll
    public static class Impl implements Api {
        @Override
        public Shapes.Customer plain() {
            return null;
        }
    }

    public abstract static class Base {
        @GET
        @Path("sup")
        @ResponseFields(value = "name", anonymous = true)
        public Shapes.Customer sup() {
            return null;
        }
    }

    @Path("/sub")
    @PermitAll
    public static class Sub extends Base {
        @Override
        public Shapes.Customer sup() {
            return null;
        }
    }

    @Path("/redeclared")
    @PermitAll
    public static class Redeclared extends Base {
        @GET
        @Path("sup")
        @Override
        public Shapes.Customer sup() {
            return null;
        }
    }

    private static EndpointModel model(Class<?> type, String method, Class<?>... parameters) throws Exception {
        EndpointSite site = ResourceScanner.site(type, type.getMethod(method, parameters));
        return EndpointModel.build(List.of(new ExposureResolver(ExposureSettings.defaults())), List.of(site));
    }

    private static ExposurePolicy policy(Class<?> type, String method, Class<?>... parameters) throws Exception {
        return model(type, method, parameters).policies().get(0).get(ExposurePolicy.class);
    }

    @Test
    void anAllowListWithAMediaTypeThatIsNotJsonFailsTheDeployment() throws Exception {
        assertThat(model(Media.class, "both").problems()).singleElement().asString()
                .contains("Media#both").contains("@Produces text/plain is not JSON");
        // JSON of any kind, with parameters, and a wildcard are fine
        assertThat(model(Media.class, "json").problems()).isEmpty();
        // a String in text/plain has no fields: no exposure part at all
        assertThat(policy(Media.class, "text")).isNull();
    }

    @Test
    void aModelObjectWrittenAsXmlOrYamlWithoutAListIsAFinding() throws Exception {
        assertThat(policy(Media.class, "xml").findings()).contains("written as application/xml,"
                + " application/yaml (@Produces) by a writer that knows neither allow-lists nor @Sensitive");
    }

    @Test
    void anAllowListOnAServerSentEventsMethodFailsTheDeployment() throws Exception {
        assertThat(model(Media.class, "sse", SseEventSink.class, Sse.class).problems()).singleElement().asString()
                .contains("server-sent events");
        assertThat(model(Media.class, "sink", SseEventSink.class).problems()).singleElement().asString()
                .contains("server-sent events");
    }

    @Test
    void anAllowListOnAStreamFailsTheDeploymentLikeOnAString() throws Exception {
        assertThat(model(Media.class, "stream").problems()).singleElement().asString()
                .contains("StreamingOutput").contains("no list can filter");
        assertThat(model(Media.class, "bytes").problems()).singleElement().asString().contains("byte[]");
        assertThat(model(Media.class, "streamed").problems()).isEmpty();
        assertThat(policy(Media.class, "streamed").findings()).as("bytes: the egress check's, not a model object's")
                .isEmpty();
    }

    @Test
    void anEntityUnknownAtDeploymentWithoutAListIsAFindingThatStrictModeFails() throws Exception {
        for (String m : List.of("response", "object", "stage")) {
            assertThat(policy(Media.class, m).findings()).as(m).singleElement().asString()
                    .startsWith("no allow-list (@ResponseFields) and the entity is not known at deployment (");
        }
        assertThat(policy(Media.class, "async", AsyncResponse.class).findings()).singleElement().asString()
                .contains("(asynchronous response)");
        assertThat(policy(Media.class, "listed").findings()).isEmpty();
        assertThat(policy(Media.class, "response").describe()).isEqualTo("no allow-list: type unknown at deployment"
                + " (jakarta.ws.rs.core.Response), the @Sensitive names of the classes it reaches and sensitive"
                + " names held back");
        // strict mode fails every endpoint with a finding
        List<String> findings = ExposurePolicy.findings(model(Media.class, "response").policies());
        assertThat(findings).singleElement().asString().contains(": no allow-list (@ResponseFields) and the entity is not known");
    }

    @Test
    void aListOnTheInterfaceOrSuperclassMethodJaxRsInheritsFromIsHonoured() throws Exception {
        ExposurePolicy implemented = policy(Impl.class, "plain");
        assertThat(implemented.allowList()).isTrue();
        assertThat(implemented.describe()).isEqualTo("anyone: name");
        ExposurePolicy inherited = policy(Sub.class, "sup");
        assertThat(inherited.allowList()).isTrue();
        assertThat(inherited.describe()).isEqualTo("anyone: name");
    }

    @Test
    void aListOnAnOverriddenMethodJaxRsDoesNotInheritFromFailsTheDeployment() throws Exception {
        assertThat(model(Redeclared.class, "sup").problems()).singleElement().asString()
                .contains("@ResponseFields on " + Base.class.getName() + "#sup is not inherited")
                .contains("repeat it on " + Redeclared.class.getName() + "#sup");
    }
}
