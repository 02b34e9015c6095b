package dev.bulwark.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** A plain application: no Bulwark code, no overrides, so resources and providers are found by scanning. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "bulwark-it")
public class ItApplication extends Application {
}
