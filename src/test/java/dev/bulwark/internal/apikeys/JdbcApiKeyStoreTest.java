package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.LogCapture;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real embedded database (H2, as the IT WAR's data source). */
class JdbcApiKeyStoreTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark");

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
                .isInstanceOf(KeyStoreUnavailableException.class)
                .hasMessageContaining("SQLState").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new JdbcApiKeyStore(() -> h2("x"), "keys; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void audiencesAreKept() {
        JdbcApiKeyStore store = new JdbcApiKeyStore(() -> h2("keys2"), "bulwark_api_keys");
        ApiKeyRecord k = new ApiKeyRecord("abcDEF012345", "ab".repeat(32), "svc", "c", Set.of(), Set.of(), T0,
                T0.plusSeconds(3600), null, null, Set.of("billing-api", "orders-api"));
        store.save(k);
        assertThat(store.find("abcDEF012345")).contains(k);
        store.save(k.revoked(T0.plusSeconds(1)));
        assertThat(store.find("abcDEF012345").orElseThrow().audiences())
                .containsExactlyInAnyOrder("billing-api", "orders-api");
    }

    @Test
    void aTableMadeBeforeAudiencesStillWorksAndRefusesToDropAnAudience() throws Exception {
        JdbcDataSource ds = h2("keys3");
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE old_keys (id VARCHAR(16) PRIMARY KEY, key_hash VARCHAR(64) NOT NULL,"
                    + " key_owner VARCHAR(255) NOT NULL, key_client VARCHAR(255) NOT NULL,"
                    + " key_roles VARCHAR(1024) NOT NULL, key_scopes VARCHAR(1024) NOT NULL,"
                    + " created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, revoked_ms BIGINT,"
                    + " rate_limit VARCHAR(32))");
            s.executeUpdate("INSERT INTO old_keys VALUES ('abcDEF012345', '" + "ab".repeat(32) + "', 'svc', 'c',"
                    + " 'user', '', 0, 4102444800000, NULL, NULL)");
        }
        JdbcApiKeyStore store = new JdbcApiKeyStore(() -> ds, "old_keys");
        assertThat(store.find("abcDEF012345").orElseThrow().audiences()).isEmpty();
        assertThat(log.at(Level.WARNING)).singleElement().asString().contains("no key_audiences column")
                .contains("ALTER TABLE old_keys ADD key_audiences VARCHAR(1024)");
        store.save(store.find("abcDEF012345").orElseThrow().revoked(T0));
        assertThat(store.find("abcDEF012345").orElseThrow().revokedAt()).isEqualTo(T0);
        ApiKeyRecord scoped = new ApiKeyRecord("zzzDEF012345", "cd".repeat(32), "svc", "c", Set.of(), Set.of(), T0,
                T0.plusSeconds(60), null, null, Set.of("billing-api"));
        assertThatThrownBy(() -> store.save(scoped)).isInstanceOf(KeyStoreUnavailableException.class)
                .hasMessageContaining("ALTER TABLE old_keys ADD key_audiences");
        assertThat(store.find("zzzDEF012345")).isEmpty();
        // the documented statement makes it a table with audiences (for a store made after it: a restart)
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE old_keys ADD key_audiences VARCHAR(1024)");
        }
        JdbcApiKeyStore restarted = new JdbcApiKeyStore(() -> ds, "old_keys");
        restarted.save(scoped);
        assertThat(restarted.find("zzzDEF012345")).contains(scoped);
        assertThat(restarted.find("abcDEF012345").orElseThrow().audiences()).isEmpty();
    }
}
