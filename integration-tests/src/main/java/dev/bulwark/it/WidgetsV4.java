package dev.bulwark.it;

import jakarta.ws.rs.Path;

/** v4 of the widgets, as protected as v2 (VersioningIT: each version is at another stage of its schedule). */
@Path("/v4/widgets")
public class WidgetsV4 extends WidgetsV2 {
}
