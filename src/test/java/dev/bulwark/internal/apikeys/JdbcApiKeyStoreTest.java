package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.api.ApiKeyRecord;
import java.time.Instant;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Against a real embedded database (H2, as the IT WAR's data source). */
class JdbcApiKeyStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private static JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void theTableIsCreatedAndKeysAreSavedUpdatedAndFound() {
        JdbcApiKeyStore store = new JdbcApiKeyStore(() -> h2("keys1"), "bulwark_api_keys");
        assertThat(store.list()).isEmpty();
        ApiKeyRecord k = new ApiKeyRecord("abcDEF012345", "ab".repeat(32), "svc-billing", "billing",
                Set.of("user", "reports"), Set.of("items:read"), T0, T0.plusSeconds(3600), null, "10/1m");
        store.save(k);
        assertThat(store.find("abcDEF012345")).contains(k);
        store.save(k.revoked(T0.plusSeconds(5)));
        assertThat(store.find("abcDEF012345").orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(5));
        ApiKeyRecord bare = new ApiKeyRecord("zzzDEF012345", "cd".repeat(32), "svc", "c", Set.of(), Set.of(), T0,
                T0.plusSeconds(60), null, null);
        store.save(bare);
        assertThat(store.find("zzzDEF012345")).contains(bare);
        assertThat(store.list()).extracting(ApiKeyRecord::id).containsExactly("abcDEF012345", "zzzDEF012345");
        // a second server on the same database sees the revocation
        assertThat(new JdbcApiKeyStore(() -> h2("keys1"), "bulwark_api_keys").find("abcDEF012345").orElseThrow()
                .revokedAt()).isNotNull();
    }

    @Test
    void aDatabaseFailureIsUnavailableWithoutTheDriversMessage() {
        JdbcApiKeyStore store = new JdbcApiKeyStore(() -> {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere;USER=sa;PASSWORD=hunter2");
            return ds;
        }, "bulwark_api_keys");
        assertThatThrownBy(() -> store.find("abcDEF012345"))
                .isInstanceOf(JdbcApiKeyStore.StoreUnavailableException.class)
                .hasMessageContaining("SQLState").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new JdbcApiKeyStore(() -> h2("x"), "keys; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
