package dev.bulwark.it;

import jakarta.ws.rs.Path;

/** v3 of the widgets, as protected as v2 (VersioningIT: each version is at another stage of its schedule). */
@Path("/v3/widgets")
public class WidgetsV3 extends WidgetsV2 {
}
