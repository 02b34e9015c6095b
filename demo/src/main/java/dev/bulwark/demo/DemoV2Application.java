package dev.bulwark.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Version 2 of the demo API under /api/v2: the same resources, as protected as v1 (Bulwark's versioning lint would
 * report a v1 endpoint weaker than its v2 twin). v1 is deprecated on the schedule in microprofile-config.properties.
 * The MicroProfile JWT login of the module is declared once, on {@link DemoApplication}.
 */
@ApplicationPath("/api/v2")
public class DemoV2Application extends Application {
}
