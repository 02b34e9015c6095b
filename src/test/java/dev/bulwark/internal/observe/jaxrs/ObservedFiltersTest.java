package dev.bulwark.internal.observe.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.observe.Observation;
import dev.bulwark.internal.observe.Observations;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.ratelimit.RefusalBudget;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedFiltersTest {

    /** A JAX-RS request: its properties and its entity stream. */
    private static final class Request {
        final Map<String, Object> properties = new HashMap<>();
        InputStream entity;
        /** A caller by default: authorization is only observed for one. */
        jakarta.ws.rs.core.SecurityContext security = securityOf("alice");

        Request(String body) {
            entity = body == null ? null : new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        }

        ContainerRequestContext context() {
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getProperty" -> properties.get((String) args[0]);
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        case "getSecurityContext" -> security;
                        case "hasEntity" -> entity != null;
                        case "getEntityStream" -> entity;
                        case "setEntityStream" -> {
                            entity = (InputStream) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        String body() throws IOException {
            return new String(entity.readAllBytes(), StandardCharsets.UTF_8);
        }

        List<Observation> observed() {
            return Observations.of(RequestState.from(properties::get));
        }
    }

    private static jakarta.ws.rs.core.SecurityContext securityOf(String name) {
        return (jakarta.ws.rs.core.SecurityContext) Proxy.newProxyInstance(ObservedFiltersTest.class.getClassLoader(),
                new Class<?>[] {jakarta.ws.rs.core.SecurityContext.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "getUserPrincipal" -> name == null ? null : (java.security.Principal) () -> name;
                            default -> throw new UnsupportedOperationException(method.getName());
                        });
    }

    /** Reads {@code bytes} of the body, then refuses like the JSON body filter. */
    private static ContainerRequestFilter readsThenRefuses(int bytes, ProblemKind kind) {
        return context -> {
            context.getEntityStream().readNBytes(bytes);
            throw new ProblemException(kind, List.of(), "JSON body refused at 'isAdmin': unknown property");
        };
    }

    @Test
    void aRefusalIsRecordedAndTheBodyTheFilterReadIsReplayedIntact() throws IOException {
        String body = "{\"displayName\":\"mallory\",\"isAdmin\":true}";
        Request request = new Request(body);
        ContainerRequestFilter observed = (ContainerRequestFilter) ObservedFilters.wrap(
                readsThenRefuses(20, ProblemKind.VALIDATION), Phase.JSON_BODY);
        observed.filter(request.context());
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.observed()).containsExactly(new Observation("validation", "json-body", "validation",
                "JSON body refused at 'isAdmin': unknown property"));
    }

    @Test
    void anOpenApiRefusalIsRecordedAsValidationAndTheRequestGoesOn() throws IOException {
        Request request = new Request("{\"kind\":\"cat\"}");
        ContainerRequestFilter observed = (ContainerRequestFilter) ObservedFilters.wrap((ContainerRequestFilter) c -> {
            throw new ProblemException(Phase.OPENAPI, ProblemKind.VALIDATION, List.of(),
                    "request does not match the OpenAPI operation POST /pets", java.util.Map.of());
        }, Phase.OPENAPI);
        observed.filter(request.context());
        assertThat(request.body()).isEqualTo("{\"kind\":\"cat\"}");
        assertThat(request.observed()).containsExactly(new Observation("validation", "openapi", "validation",
                "request does not match the OpenAPI operation POST /pets"));
    }

    @Test
    void aRefusalWrappedInAnIoErrorIsObservedToo() throws IOException {
        Request request = new Request("x".repeat(100));
        ContainerRequestFilter wrapped = (ContainerRequestFilter) ObservedFilters.wrap((ContainerRequestFilter) c -> {
            c.getEntityStream().readNBytes(64);
            throw new UncheckedIOException(new IOException("too large", new ProblemException(
                    ProblemKind.PAYLOAD_TOO_LARGE, List.of(), "request body larger than 63 bytes")));
        }, Phase.JSON_BODY);
        wrapped.filter(request.context());
        assertThat(request.body()).hasSize(100);
        assertThat(request.observed()).extracting(Observation::kind).containsExactly("payload-too-large");
    }

    @Test
    void aPassingFilterKeepsWhatItSetAndRecordsNothing() throws IOException {
        Request request = new Request("{}");
        ContainerRequestFilter wrapped = (ContainerRequestFilter) ObservedFilters.wrap((ContainerRequestFilter) c -> {
            c.getEntityStream().readAllBytes();
            c.setEntityStream(new ByteArrayInputStream("checked".getBytes(StandardCharsets.UTF_8)));
        }, Phase.JSON_BODY);
        wrapped.filter(request.context());
        assertThat(request.body()).isEqualTo("checked");
        assertThat(request.observed()).isEmpty();
    }

    @Test
    void aPassingFilterThatReadPartOfTheBodyHandsItOnWholeAndUnrecorded() throws IOException {
        String body = "{\"name\":\"" + "x".repeat(10_000) + "\"}";
        Request request = new Request(body);
        ContainerRequestFilter wrapped = (ContainerRequestFilter) ObservedFilters.wrap(
                (ContainerRequestFilter) c -> c.getEntityStream().readNBytes(5), Phase.ROLES);
        wrapped.filter(request.context());
        assertThat(request.entity).as("no recording stream left between the body and the application")
                .isNotInstanceOf(ObservedFilters.Recording.class);
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.observed()).isEmpty();
    }

    /** Refuses like the {@code @OwnedBy} check: a 404 marked as a refusal for the refusal budget. */
    private static ContainerRequestFilter ownershipRefusal() {
        return context -> {
            RequestState.ensure(context::getProperty, context::setProperty).put(RefusalBudget.REFUSED, Boolean.TRUE);
            throw new ProblemException(Phase.OWNERSHIP, ProblemKind.NOT_FOUND, List.of(), "object 2 refused",
                    Map.of());
        };
    }

    /** Whether the servlet filter charges the caller's refusal budget for a response with this status. */
    private static boolean charged(Request request, int status) {
        RequestState state = RequestState.from(request.properties::get);
        return RefusalBudget.isRefusal(status, state != null && state.has(RefusalBudget.REFUSED));
    }

    @Test
    void anObservedOwnershipRefusalIsChargedToNoRefusalBudgetWhateverTheApplicationAnswers() throws IOException {
        Request observed = new Request(null);
        ((ContainerRequestFilter) ObservedFilters.wrap(ownershipRefusal(), Phase.OWNERSHIP)).filter(observed.context());
        assertThat(observed.observed()).extracting(Observation::kind).containsExactly("not-found");
        assertThat(charged(observed, 404)).as("the application's own 404 after an observed refusal").isFalse();
        assertThat(charged(observed, 200)).isFalse();
        // enforced, the same refusal's 404 is charged
        Request enforced = new Request(null);
        assertThatThrownBy(() -> ownershipRefusal().filter(enforced.context())).isInstanceOf(ProblemException.class);
        assertThat(charged(enforced, 404)).isTrue();
    }

    @Test
    void aMissingCallerIsAuthenticationAndStillRefused() {
        Request request = new Request(null);
        ContainerRequestFilter wrapped = (ContainerRequestFilter) ObservedFilters.wrap((ContainerRequestFilter) c -> {
            throw new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), "no verified token");
        }, Phase.SCOPES);
        assertThatThrownBy(() -> wrapped.filter(request.context())).isInstanceOf(ProblemException.class);
        assertThat(request.observed()).isEmpty();
    }

    @Test
    void anAccessDecisionAboutARequestWithNoCallerIsEnforced() throws IOException {
        // @DenyAll and an undecided endpoint stay closed to anonymous requests in observe mode
        for (Phase phase : List.of(Phase.DENY, Phase.ROLES, Phase.SCOPES, Phase.OWNERSHIP)) {
            Request anonymous = new Request(null);
            anonymous.security = securityOf(null);
            ContainerRequestFilter wrapped = (ContainerRequestFilter) ObservedFilters.wrap((ContainerRequestFilter) c -> {
                throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), "@DenyAll");
            }, phase);
            assertThatThrownBy(() -> wrapped.filter(anonymous.context())).as(phase.name())
                    .isInstanceOf(ProblemException.class);
            assertThat(anonymous.observed()).isEmpty();
            // the same decision about a known caller is observed
            Request known = new Request(null);
            wrapped.filter(known.context());
            assertThat(known.observed()).extracting(Observation::control).containsExactly("authorization");
            // ...an API key's caller included, known to Bulwark's request state whatever the security context says
            Request keyHolder = new Request(null);
            keyHolder.security = securityOf(null);
            RequestState.ensure(keyHolder.properties::get, keyHolder.properties::put).put(
                    dev.bulwark.internal.auth.TokenGate.VERIFIED, new dev.bulwark.internal.auth.RawToken(
                            jakarta.json.Json.createObjectBuilder().add("typ", "bulwark-api-key").build(),
                            jakarta.json.Json.createObjectBuilder().add("sub", "batch").build(), "api-key k1"));
            wrapped.filter(keyHolder.context());
            assertThat(keyHolder.observed()).extracting(Observation::control).containsExactly("authorization");
        }
    }

    @Test
    void otherErrorsAreNotRefusalsAndGoOn() {
        Request request = new Request(null);
        ContainerRequestFilter wrapped = (ContainerRequestFilter) ObservedFilters.wrap((ContainerRequestFilter) c -> {
            throw new IllegalStateException("a bug");
        }, Phase.ROLES);
        assertThatThrownBy(() -> wrapped.filter(request.context())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestAndResponseFilterStaysBothAndOtherProvidersAreLeftAlone() {
        class Both implements ContainerRequestFilter, ContainerResponseFilter {
            @Override
            public void filter(ContainerRequestContext request) {
                throw new ProblemException(ProblemKind.TOO_MANY_REQUESTS, List.of(), "over 5/1m");
            }

            @Override
            public void filter(ContainerRequestContext request, jakarta.ws.rs.container.ContainerResponseContext r) {
                // the fields of a passed request
            }
        }
        assertThat(ObservedFilters.wrap(new Both(), Phase.RATE_LIMIT)).isInstanceOf(ContainerRequestFilter.class)
                .isInstanceOf(ContainerResponseFilter.class).isNotInstanceOf(Both.class);
        assertThat(ObservedFilters.wrap((ContainerRequestFilter) c -> { }, Phase.ROLES))
                .isNotInstanceOf(ContainerResponseFilter.class);
        Object writer = new Object();
        assertThat(ObservedFilters.wrap(writer, Phase.ROLES)).isSameAs(writer);
        // a rate-limit wrapper only for a filter that is both, and the other way round: found at deployment
        assertThatThrownBy(() -> ObservedFilters.wrap((ContainerRequestFilter) c -> { }, Phase.RATE_LIMIT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ObservedFilters.wrap(new Both(), Phase.ROLES))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ObservedFilters.wrap((ContainerRequestFilter) c -> { }, Phase.TOKEN_POLICY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyObservedStepOfOneEndpointIsAProviderClassOfItsOwn() {
        // a JAX-RS runtime keeps one provider per class for a method: the second of a class is ignored (RESTEasy)
        java.util.Set<Class<?>> classes = new java.util.HashSet<>();
        for (Phase phase : List.of(Phase.DENY, Phase.ROLES, Phase.SCOPES, Phase.JSON_BODY, Phase.OWNERSHIP)) {
            assertThat(classes.add(ObservedFilters.wrap((ContainerRequestFilter) c -> { }, phase).getClass()))
                    .as(phase.name()).isTrue();
        }
        class Limit implements ContainerRequestFilter, ContainerResponseFilter {
            @Override
            public void filter(ContainerRequestContext request) {
            }

            @Override
            public void filter(ContainerRequestContext request, jakarta.ws.rs.container.ContainerResponseContext r) {
            }
        }
        assertThat(classes.add(ObservedFilters.wrap(new Limit(), Phase.RATE_LIMIT).getClass())).isTrue();
    }
}
