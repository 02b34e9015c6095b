package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryKeysTest {

    private final ApiKeyFormat format = new ApiKeyFormat("bwk");
    private final QueryKeys check = new QueryKeys(format, "X-API-Key");
    private final String key = format.generate(new SecureRandom()).key();

    private String leaked(String name, String value) {
        return check.leaked(Map.of(name, List.of(value)));
    }

    @Test
    void aWellFormedKeyIsRefusedUnderAnyNameAloneOrInsideText() {
        assertThat(leaked("q", key)).contains("parameter q").doesNotContain(key);
        assertThat(leaked("key", key)).contains("parameter key");
        assertThat(leaked("auth", "ApiKey " + key)).isNotNull();
        assertThat(leaked("next", "/reports?x=" + key + "&y=1")).isNotNull();
        assertThat(check.leaked(Map.of(key, List.of("")))).contains("parameter name").doesNotContain(key);
    }

    @Test
    void theNamesKeysAreSentUnderAreRefusedWithAnyValue() {
        for (String name : new String[] {"api_key", "apikey", "api-key", "API_KEY", "ApiKey", "x-api-key"}) {
            assertThat(leaked(name, "bwk_typo")).as(name).isNotNull();
            assertThat(leaked(name, "not-even-a-key")).as(name).isNotNull();
        }
        assertThat(leaked("api_key", "")).as("empty: nothing leaked").isNull();
        assertThat(new QueryKeys(format, "X-Client-Key").leaked(Map.of("x-client-key", List.of("v")))).isNotNull();
        assertThat(new QueryKeys(format, null).leaked(Map.of("x-api-key", List.of("v")))).isNull();
    }

    @Test
    void legitimateQueriesPass() {
        assertThat(leaked("q", "bwk_")).as("a search for the prefix").isNull();
        assertThat(leaked("q", "how do bwk_ keys work")).isNull();
        assertThat(leaked("key", "created_at")).as("a sort key").isNull();
        assertThat(leaked("key", "AIzaSyExampleMapsKey")).as("key: another API's parameter").isNull();
        // the right shape with a wrong checksum is no key: a typo'd key under an ordinary name
        String typo = key.substring(0, 20) + (key.charAt(20) == 'x' ? 'y' : 'x') + key.substring(21);
        assertThat(leaked("q", typo)).isNull();
        assertThat(leaked("q", "acme_" + key.substring(4))).as("another prefix").isNull();
        assertThat(check.leaked(Map.of())).isNull();
    }
}
