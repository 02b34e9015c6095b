package dev.bulwark.internal.apikeys;

import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.api.ApiKeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * API keys in a table of a JDBC data source, shared by every server of a deployment: a revocation written by one
 * is read by all within {@code bulwark.apikeys.cache-ttl}. Hashes only. The table is created on first use when it
 * does not exist (portable types: times as epoch milliseconds):
 * <pre>
 * CREATE TABLE bulwark_api_keys (id VARCHAR(16) PRIMARY KEY, key_hash VARCHAR(64) NOT NULL,
 *   key_owner VARCHAR(255) NOT NULL, key_client VARCHAR(255) NOT NULL, key_roles VARCHAR(1024) NOT NULL,
 *   key_scopes VARCHAR(1024) NOT NULL, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL,
 *   revoked_ms BIGINT, rate_limit VARCHAR(32))
 * </pre>
 * A database error is thrown as {@link StoreUnavailableException} (the request gets a 503, never a pass).
 */
public final class JdbcApiKeyStore implements ApiKeyStore {

    /** The store cannot be read or written now. */
    public static final class StoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String COLUMNS = "id, key_hash, key_owner, key_client, key_roles, key_scopes, created_ms,"
            + " expires_ms, revoked_ms, rate_limit";

    private final Supplier<DataSource> dataSource;
    private final String table;
    private volatile boolean tableReady;

    /** @param dataSource looked up on first use (an application's JNDI name resolves on its own threads) */
    public JdbcApiKeyStore(Supplier<DataSource> dataSource, String table) {
        if (!table.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    public Optional<ApiKeyRecord> find(String id) {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(record(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public List<ApiKeyRecord> list() {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " ORDER BY id");
             ResultSet r = s.executeQuery()) {
            List<ApiKeyRecord> out = new ArrayList<>();
            while (r.next()) {
                out.add(record(r));
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public void save(ApiKeyRecord key) {
        try (Connection c = connection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET key_hash = ?, key_owner = ?,"
                    + " key_client = ?, key_roles = ?, key_scopes = ?, created_ms = ?, expires_ms = ?,"
                    + " revoked_ms = ?, rate_limit = ? WHERE id = ?")) {
                bind(s, key, 1);
                s.setString(10, key.id());
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (key_hash, key_owner,"
                        + " key_client, key_roles, key_scopes, created_ms, expires_ms, revoked_ms, rate_limit, id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(s, key, 1);
                    s.setString(10, key.id());
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw unavailable("write", e);
        }
    }

    private Connection connection() throws SQLException {
        DataSource ds;
        try {
            ds = dataSource.get();
        } catch (RuntimeException e) {
            throw new SQLException("the data source cannot be looked up: " + e.getClass().getSimpleName());
        }
        Connection c = ds.getConnection();
        if (!tableReady) {
            try {
                ensureTable(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    private synchronized void ensureTable(Connection c) throws SQLException {
        if (tableReady) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT id FROM " + table + " WHERE 1 = 0").close();
        } catch (SQLException missing) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE " + table + " (id VARCHAR(16) PRIMARY KEY, key_hash VARCHAR(64) NOT NULL,"
                        + " key_owner VARCHAR(255) NOT NULL, key_client VARCHAR(255) NOT NULL,"
                        + " key_roles VARCHAR(1024) NOT NULL, key_scopes VARCHAR(1024) NOT NULL,"
                        + " created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, revoked_ms BIGINT,"
                        + " rate_limit VARCHAR(32))");
            }
        }
        tableReady = true;
    }

    private static void bind(PreparedStatement s, ApiKeyRecord k, int first) throws SQLException {
        s.setString(first, k.hash());
        s.setString(first + 1, k.owner());
        s.setString(first + 2, k.client());
        s.setString(first + 3, String.join(",", new TreeSet<>(k.roles())));
        s.setString(first + 4, String.join(" ", new TreeSet<>(k.scopes())));
        s.setLong(first + 5, k.createdAt().toEpochMilli());
        s.setLong(first + 6, k.expiresAt().toEpochMilli());
        if (k.revokedAt() == null) {
            s.setNull(first + 7, Types.BIGINT);
        } else {
            s.setLong(first + 7, k.revokedAt().toEpochMilli());
        }
        if (k.rateLimit() == null) {
            s.setNull(first + 8, Types.VARCHAR);
        } else {
            s.setString(first + 8, k.rateLimit());
        }
    }

    private static ApiKeyRecord record(ResultSet r) throws SQLException {
        long revoked = r.getLong("revoked_ms");
        Instant revokedAt = r.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiKeyRecord(r.getString("id"), r.getString("key_hash"), r.getString("key_owner"),
                r.getString("key_client"), FileApiKeyStore.split(r.getString("key_roles"), ","),
                FileApiKeyStore.split(r.getString("key_scopes"), " "), Instant.ofEpochMilli(r.getLong("created_ms")),
                Instant.ofEpochMilli(r.getLong("expires_ms")), revokedAt, r.getString("rate_limit"));
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        // the SQL state and class only: a driver message may carry connection details
        return new StoreUnavailableException("the API key table " + table + " cannot be " + (what.equals("read")
                ? "read" : "written") + " (SQLState " + e.getSQLState() + ", " + e.getClass().getSimpleName() + ")", e);
    }

    @Override
    public String toString() {
        return "JdbcApiKeyStore[" + table + "]";
    }
}
