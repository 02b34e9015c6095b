package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIT {

    @Test
    void theTraceIdOfAValidTraceparentIsTheCorrelationId() {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> r = get("/it/api/errors/boom", "traceparent", "00-" + trace + "-b7ad6b7169203331-01",
                "X-Request-Id", "ignored-when-traceparent-is-valid");
        assertThat(assertProblem(r, 500).getString("correlationId")).isEqualTo(trace);
        awaitLog("[correlationId=" + trace + "]");
    }

    @Test
    void aWellFormedIncomingRequestIdIsReusedAndEchoed() {
        HttpResponse<String> ok = get("/it/api/errors/ok", "X-Request-Id", "client-req_42.a");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-Request-Id")).hasValue("client-req_42.a");
        HttpResponse<String> err = get("/it/api/errors/conflict", "X-Request-Id", "client-req_43");
        assertThat(assertProblem(err, 409).getString("correlationId")).isEqualTo("client-req_43");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "quote\"d", "${jndi:ldap://127.0.0.1/x}",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\u00e9t\u00e9", "<script>"})
    void hostileRequestIdsAreReplacedByAFreshId(String hostile) {
        HttpResponse<String> r = get("/it/api/errors/conflict", "X-Request-Id", hostile,
                "traceparent", "00-00000000000000000000000000000000-b7ad6b7169203331-01");
        String id = assertProblem(r, 409).getString("correlationId");
        assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo(hostile);
    }

    @Test
    void everyResponseCarriesAFreshIdWhenTheClientSendsNone() {
        String a = get("/it/api/errors/ok").headers().firstValue("X-Request-Id").orElseThrow();
        String b = get("/it/api/errors/ok").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(a).matches("[0-9a-f]{32}");
        assertThat(b).matches("[0-9a-f]{32}").isNotEqualTo(a);
    }
}
