package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.pipeline.RequestState;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.transport.TransportAttributes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {


    private static RawToken token(JsonObject claims) {
        return new RawToken(Json.createObjectBuilder().add("alg", "RS256").build(), claims, "h.p.s");
    }

    @Test
    void aVerifiedTokenMakesTheCallerItsSubjectElseTheClientAddress() {
        Map<String, Object> attributes = new HashMap<>();
        RequestState state = new RequestState();
        attributes.put(RequestState.ATTRIBUTE, state);
        state.put(TransportAttributes.CLIENT_ADDRESS, "203.0.113.7");
        Caller anonymous = Caller.of(attributes::get, "10.0.0.1");
        assertThat(anonymous).isEqualTo(Caller.address("203.0.113.7"));
        assertThat(anonymous.verified()).isFalse();
        assertThat(anonymous).hasToString("client 203.0.113.7");

        state.put(TokenGate.VERIFIED, token(Json.createObjectBuilder().add("sub", "bob").build()));
        Caller bob = Caller.of(attributes::get, "10.0.0.1");
        assertThat(bob).isEqualTo(new Caller("203.0.113.7", "bob"));
        assertThat(bob.verified()).isTrue();
        assertThat(bob).hasToString("subject 'bob'");

        state.put(TokenGate.VERIFIED, token(Json.createObjectBuilder().add("azp", "reporting").build()));
        assertThat(Caller.of(attributes::get, "10.0.0.1").subject()).as("a client-credentials token")
                .isEqualTo("reporting");
    }

    @Test
    void withoutASubjectOrAResolvedAddressTheCallerIsWhatIsKnown() {
        Map<String, Object> attributes = new HashMap<>();
        RequestState state = new RequestState();
        attributes.put(RequestState.ATTRIBUTE, state);
        state.put(TokenGate.VERIFIED, token(Json.createObjectBuilder().add("scope", "read").build()));
        assertThat(Caller.of(attributes::get, "192.0.2.4")).as("no sub, azp or client_id: the address")
                .isEqualTo(Caller.address("192.0.2.4"));
        state.put(TokenGate.VERIFIED, null);
        assertThat(Caller.of(attributes::get, null)).hasToString("client unknown");
    }

    @Test
    void callerTextIsSafeForALogLine() {
        assertThat(new Caller("::1", "eve\r\nINFO forged\u202e")).hasToString("subject 'eve\\u000d\\u000aINFO"
                + " forged\\u202e'");
        assertThat(new Caller("::1", "x".repeat(500)).toString()).hasSizeLessThan(120);
    }
}
