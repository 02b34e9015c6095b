package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.apikeys.ApiKeys;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.observe.Observation;
import dev.bulwark.internal.observe.Observations;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A bean method's access check in observe mode ({@code bulwark.observe=authorization}): observed for a caller Bulwark
 * or the container knows, enforced for a request with none. An API key's caller is known to Bulwark's request state
 * even when the request the server hands to CDI beans has no principal for it.
 */
class ObservedBeanCallTest {

    private static final BulwarkConfig OBSERVING = ConfigLoader.load(
            k -> Optional.ofNullable(Map.of("bulwark.observe", "authorization").get(k))).config();

    /** The servlet request as the bean interceptors see it: its principal and its attributes. */
    private static HttpServletRequest request(Principal principal, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(ObservedBeanCallTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getUserPrincipal" -> principal;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BulwarkInterceptor interceptor(HttpServletRequest request) {
        BulwarkInterceptor interceptor = new BulwarkInterceptor() {
        };
        interceptor.extension = new BulwarkExtension() {
            @Override
            public BulwarkConfig config() {
                return OBSERVING;
            }

            @Override
            HttpServletRequest currentRequest() {
                return request;
            }
        };
        return interceptor;
    }

    /** A request state whose verified caller is an API key's (as the servlet filter leaves it). */
    private static Map<String, Object> apiKeyCaller() {
        RequestState state = new RequestState();
        state.put(TokenGate.VERIFIED, new RawToken(Json.createObjectBuilder().add("typ", ApiKeys.CALLER_TYPE)
                .add("kid", "k1").build(), Json.createObjectBuilder().add("sub", "billing-batch").build(),
                "api-key k1"));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(RequestState.ATTRIBUTE, state);
        return attributes;
    }

    private static void refuse() {
        throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), "the caller has none of the roles [clerk]");
    }

    private static List<Observation> observed(Map<String, Object> attributes) {
        return Observations.of(RequestState.from(attributes::get));
    }

    @Test
    void anApiKeyCallerWithoutAContainerPrincipalIsObservedNotEnforced() {
        Map<String, Object> attributes = apiKeyCaller();
        interceptor(request(null, attributes)).enforce(Phase.BEAN_ACCESS, ObservedBeanCallTest::refuse);
        assertThat(observed(attributes)).singleElement().satisfies(o -> {
            assertThat(o.control()).isEqualTo("authorization");
            assertThat(o.kind()).isEqualTo("forbidden");
        });
    }

    @Test
    void aContainerPrincipalIsObservedToo() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(RequestState.ATTRIBUTE, new RequestState());
        interceptor(request(() -> "alice", attributes)).enforce(Phase.BEAN_ACCESS, ObservedBeanCallTest::refuse);
        assertThat(observed(attributes)).extracting(Observation::control).containsExactly("authorization");
    }

    @Test
    void aRequestWithNoCallerAtAllIsEnforced() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(RequestState.ATTRIBUTE, new RequestState());
        BulwarkInterceptor interceptor = interceptor(request(null, attributes));
        assertThatThrownBy(() -> interceptor.enforce(Phase.BEAN_ACCESS, ObservedBeanCallTest::refuse))
                .isInstanceOf(ProblemException.class);
        assertThat(observed(attributes)).isEmpty();
        // nor does a request Bulwark's filter never saw (no state) count as a known caller
        BulwarkInterceptor stateless = interceptor(request(null, Map.of()));
        assertThatThrownBy(() -> stateless.enforce(Phase.BEAN_SCOPES, ObservedBeanCallTest::refuse))
                .isInstanceOf(ProblemException.class);
    }
}
