package dev.bulwark.it;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The application's own administration of Bulwark's JDBC API key table (docs/api-keys.md documents the table), as
 * an operator's tool would write it: a row with the hash only, and a revocation. Admins only. The it-keys-jdbc
 * deployment reads its keys from this table (ApiKeysIT).
 */
@Path("/key-table")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class KeyTableResource {

    @Resource(lookup = "java:app/jdbc/shop")
    DataSource shop;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public String add(JsonObject key) throws SQLException {
        try (Connection c = shop.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS bulwark_api_keys (id VARCHAR(16) PRIMARY KEY,"
                        + " key_hash VARCHAR(64) NOT NULL, key_owner VARCHAR(255) NOT NULL,"
                        + " key_client VARCHAR(255) NOT NULL, key_roles VARCHAR(1024) NOT NULL,"
                        + " key_scopes VARCHAR(1024) NOT NULL, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL,"
                        + " revoked_ms BIGINT, rate_limit VARCHAR(32), key_audiences VARCHAR(1024))");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bulwark_api_keys (id, key_hash, key_owner,"
                    + " key_client, key_roles, key_scopes, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, key.getString("id"));
                s.setString(2, key.getString("hash"));
                s.setString(3, key.getString("owner"));
                s.setString(4, key.getString("client"));
                s.setString(5, key.getString("roles"));
                s.setString(6, key.getString("scopes"));
                s.setLong(7, System.currentTimeMillis());
                s.setLong(8, System.currentTimeMillis() + 86_400_000L);
                s.executeUpdate();
            }
        }
        return "{\"added\":true}";
    }

    @POST
    @Path("/{id}/revoke")
    public String revoke(@PathParam("id") String id) throws SQLException {
        try (Connection c = shop.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE bulwark_api_keys SET revoked_ms = ? WHERE id = ?")) {
            s.setLong(1, System.currentTimeMillis());
            s.setString(2, id);
            return "{\"revoked\":" + s.executeUpdate() + "}";
        }
    }
}
