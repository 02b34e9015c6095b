package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A data export of as many rows as asked (about 40 bytes each): AuditIT's exfiltration spike and ordinary use. */
@Path("/exports")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class ExportsResource {

    @GET
    public String export(@QueryParam("rows") @DefaultValue("10") @Min(1) @Max(20_000) int rows) {
        StringBuilder out = new StringBuilder(rows * 40 + 16).append("{\"rows\":[");
        for (int i = 0; i < rows; i++) {
            out.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append(",\"sku\":\"SKU-")
                    .append(100_000 + i).append("\",\"qty\":").append(i % 7 + 1).append('}');
        }
        return out.append("]}").toString();
    }
}
