package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.RawToken;
import dev.bulwark.auth.TokenGate;
import dev.bulwark.transport.TransportAttributes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static HttpServletRequest request(String remoteAddress, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getRemoteAddr" -> remoteAddress;
                    default -> null;
                });
    }

    private static RawToken token(JsonObject claims) {
        return new RawToken(Json.createObjectBuilder().add("alg", "RS256").build(), claims, "h.p.s");
    }

    @Test
    void aVerifiedTokenMakesTheCallerItsSubjectElseTheClientAddress() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(TransportAttributes.CLIENT_ADDRESS, "203.0.113.7");
        Caller anonymous = Caller.of(request("10.0.0.1", attributes));
        assertThat(anonymous).isEqualTo(Caller.address("203.0.113.7"));
        assertThat(anonymous.verified()).isFalse();
        assertThat(anonymous).hasToString("client 203.0.113.7");

        attributes.put(TokenGate.VERIFIED_TOKEN, token(Json.createObjectBuilder().add("sub", "bob").build()));
        Caller bob = Caller.of(request("10.0.0.1", attributes));
        assertThat(bob).isEqualTo(new Caller("203.0.113.7", "bob"));
        assertThat(bob.verified()).isTrue();
        assertThat(bob).hasToString("subject 'bob'");

        attributes.put(TokenGate.VERIFIED_TOKEN, token(Json.createObjectBuilder().add("azp", "reporting").build()));
        assertThat(Caller.of(request("10.0.0.1", attributes)).subject()).as("a client-credentials token")
                .isEqualTo("reporting");
    }

    @Test
    void withoutASubjectOrAResolvedAddressTheCallerIsWhatIsKnown() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(TokenGate.VERIFIED_TOKEN, token(Json.createObjectBuilder().add("scope", "read").build()));
        assertThat(Caller.of(request("192.0.2.4", attributes))).as("no sub, azp or client_id: the address")
                .isEqualTo(Caller.address("192.0.2.4"));
        attributes.put(TokenGate.VERIFIED_TOKEN, "not a token");
        assertThat(Caller.of(request(null, attributes))).hasToString("client unknown");
    }

    @Test
    void callerTextIsSafeForALogLine() {
        assertThat(new Caller("::1", "eve\r\nINFO forged\u202e")).hasToString("subject 'eve\\u000d\\u000aINFO"
                + " forged\\u202e'");
        assertThat(new Caller("::1", "x".repeat(500)).toString()).hasSizeLessThan(120);
    }
}
