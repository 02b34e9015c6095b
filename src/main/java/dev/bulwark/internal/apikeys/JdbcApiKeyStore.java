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
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * API keys in a table of a JDBC data source, shared by every server of a deployment: a revocation written by one
 * is read by all within {@code bulwark.apikeys.cache-ttl}. Hashes only. The table is created on first use when it
 * does not exist (portable types: times as epoch milliseconds):
 * <pre>
 * CREATE TABLE bulwark_api_keys (id VARCHAR(16) PRIMARY KEY, key_hash VARCHAR(64) NOT NULL,
 *   key_owner VARCHAR(255) NOT NULL, key_client VARCHAR(255) NOT NULL, key_roles VARCHAR(1024) NOT NULL,
 *   key_scopes VARCHAR(1024) NOT NULL, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL,
 *   revoked_ms BIGINT, rate_limit VARCHAR(32), key_audiences VARCHAR(1024))
 * </pre>
 * A table made before keys had audiences (no {@code key_audiences} column) still works: its keys have no audience
 * (they work on servers that set no {@code bulwark.apikeys.audience}), one WARNING at first use gives the
 * {@code ALTER TABLE} that adds the column, and saving a key with an audience to it fails naming that statement
 * (an audience is never dropped silently).
 * A database error is thrown as {@link KeyStoreUnavailableException} (the request gets a 503, never a pass).
 */
public final class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "id, key_hash, key_owner, key_client, key_roles, key_scopes, created_ms,"
            + " expires_ms, revoked_ms, rate_limit";
    private static final String AUDIENCES = "key_audiences";
    private static final Logger LOG = Logger.getLogger("dev.bulwark");

    private final Supplier<DataSource> dataSource;
    private final String table;
    private volatile boolean tableReady;
    /** The table has the {@code key_audiences} column (known once the table is ready). */
    private volatile boolean hasAudiences;

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
             PreparedStatement s = c.prepareStatement("SELECT " + columns() + " FROM " + table + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(record(r, hasAudiences)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public List<ApiKeyRecord> list() {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("SELECT " + columns() + " FROM " + table
                     + " ORDER BY id");
             ResultSet r = s.executeQuery()) {
            List<ApiKeyRecord> out = new ArrayList<>();
            while (r.next()) {
                out.add(record(r, hasAudiences));
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public void save(ApiKeyRecord key) {
        try (Connection c = connection()) {
            if (!hasAudiences && !key.audiences().isEmpty()) {
                throw new KeyStoreUnavailableException("the API key table " + table + " has no " + AUDIENCES
                        + " column, so key " + key.id() + " cannot keep its audience: " + alter(), null);
            }
            String audiences = hasAudiences ? ", " + AUDIENCES + " = ?" : "";
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET key_hash = ?, key_owner = ?,"
                    + " key_client = ?, key_roles = ?, key_scopes = ?, created_ms = ?, expires_ms = ?,"
                    + " revoked_ms = ?, rate_limit = ?" + audiences + " WHERE id = ?")) {
                updated = bind(s, key).executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (key_hash, key_owner,"
                        + " key_client, key_roles, key_scopes, created_ms, expires_ms, revoked_ms, rate_limit"
                        + (hasAudiences ? ", " + AUDIENCES : "") + ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + (hasAudiences ? ", ?" : "") + ", ?)")) {
                    bind(s, key).executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw unavailable("write", e);
        }
    }

    private String columns() {
        return hasAudiences ? COLUMNS + ", " + AUDIENCES : COLUMNS;
    }

    private String alter() {
        return "ALTER TABLE " + table + " ADD " + AUDIENCES + " VARCHAR(1024) (docs/api-keys.md), then restart";
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
                        + " rate_limit VARCHAR(32), " + AUDIENCES + " VARCHAR(1024))");
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT " + AUDIENCES + " FROM " + table + " WHERE 1 = 0").close();
            hasAudiences = true;
        } catch (SQLException missing) {
            hasAudiences = false;
            LOG.warning("Bulwark API keys: the table " + table + " has no " + AUDIENCES + " column (made before keys"
                    + " had audiences): its keys have no audience, so they work only where bulwark.apikeys.audience"
                    + " is not set. To add it: " + alter());
        }
        tableReady = true;
    }

    /** Binds the key's values in the order of {@link #save}'s statements: the fields, the audiences, the id. */
    private PreparedStatement bind(PreparedStatement s, ApiKeyRecord k) throws SQLException {
        int first = 1;
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
        int next = first + 9;
        if (hasAudiences) {
            if (k.audiences().isEmpty()) {
                s.setNull(next++, Types.VARCHAR);
            } else {
                s.setString(next++, String.join(",", new TreeSet<>(k.audiences())));
            }
        }
        s.setString(next, k.id());
        return s;
    }

    private static ApiKeyRecord record(ResultSet r, boolean withAudiences) throws SQLException {
        long revoked = r.getLong("revoked_ms");
        Instant revokedAt = r.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiKeyRecord(r.getString("id"), r.getString("key_hash"), r.getString("key_owner"),
                r.getString("key_client"), FileApiKeyStore.split(r.getString("key_roles"), ","),
                FileApiKeyStore.split(r.getString("key_scopes"), " "), Instant.ofEpochMilli(r.getLong("created_ms")),
                Instant.ofEpochMilli(r.getLong("expires_ms")), revokedAt, r.getString("rate_limit"),
                withAudiences ? FileApiKeyStore.split(java.util.Objects.requireNonNullElse(r.getString(AUDIENCES),
                        ""), ",") : java.util.Set.of());
    }

    private KeyStoreUnavailableException unavailable(String what, SQLException e) {
        // the SQL state and class only: a driver message may carry connection details
        return new KeyStoreUnavailableException("the API key table " + table + " cannot be " + (what.equals("read")
                ? "read" : "written") + " (SQLState " + e.getSQLState() + ", " + e.getClass().getSimpleName() + ")", e);
    }

    @Override
    public String toString() {
        return "JdbcApiKeyStore[" + table + "]";
    }
}
