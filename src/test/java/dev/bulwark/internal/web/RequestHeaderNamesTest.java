package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.pipeline.RequestState;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestHeaderNamesTest {

    /** A request with these headers (or, with null, one whose container does not list names); counts lookups. */
    private static HttpServletRequest request(Map<String, List<String>> headers, boolean listsNames,
                                              AtomicInteger lookups) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(RequestHeaderNamesTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderNames" -> listsNames ? Collections.enumeration(headers.keySet()) : null;
                    case "getHeader" -> {
                        lookups.incrementAndGet();
                        yield headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
                    }
                    case "getHeaders" -> {
                        lookups.incrementAndGet();
                        yield Collections.enumeration(headers.entrySet().stream()
                                .filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                                .flatMap(e -> e.getValue().stream()).toList());
                    }
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    @Test
    void asksTheContainerOnlyForHeadersTheRequestCarriesInAnyCase() {
        AtomicInteger lookups = new AtomicInteger();
        HttpServletRequest request = request(Map.of("host", List.of("api.example.com"),
                "X-Forwarded-For", List.of("1.2.3.4", "5.6.7.8")), true, lookups);
        RequestHeaderNames names = RequestHeaderNames.read(request);
        assertThat(names.get(request, "Forwarded")).isNull();
        assertThat(names.all(request, "X-HTTP-Method-Override")).isEmpty();
        assertThat(lookups).hasValue(0);
        assertThat(names.get(request, "Host")).isEqualTo("api.example.com");
        assertThat(names.all(request, "x-forwarded-for")).containsExactly("1.2.3.4", "5.6.7.8");
        assertThat(names.names(request)).containsExactlyInAnyOrder("host", "X-Forwarded-For");
    }

    @Test
    void aContainerThatDoesNotListNamesIsAskedForEveryHeader() {
        AtomicInteger lookups = new AtomicInteger();
        HttpServletRequest request = request(Map.of("Forwarded", List.of("for=1.2.3.4")), false, lookups);
        RequestHeaderNames names = RequestHeaderNames.read(request);
        assertThat(names.has("anything")).isTrue();
        assertThat(names.get(request, "Forwarded")).isEqualTo("for=1.2.3.4");
        assertThat(names.all(request, "Origin")).isEmpty();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void readOncePerRequest() {
        AtomicInteger lookups = new AtomicInteger();
        HttpServletRequest request = request(Map.of("Host", List.of("a")), true, lookups);
        RequestState state = RequestState.ensure(request::getAttribute, request::setAttribute);
        assertThat(RequestHeaderNames.of(request, state)).isSameAs(RequestHeaderNames.of(request, state));
    }
}
