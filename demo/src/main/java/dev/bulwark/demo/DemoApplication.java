package dev.bulwark.demo;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The demo API: customers and orders under /api/v1 (deprecated; /api/v2 is its successor), authenticated with MicroProfile JWT. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "bulwark-demo")
@DeclareRoles({DemoApplication.CUSTOMER, DemoApplication.ADMIN})
public class DemoApplication extends Application {

    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";
}
