package dev.bulwark.bench.e2e;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The end-to-end benchmark's application: a public GET, an authenticated GET and an authenticated JSON POST,
 * with only standard annotations, so that the same classes run with and without Bulwark.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "bulwark-e2e")
@DeclareRoles(E2eApplication.USER)
public class E2eApplication extends Application {

    public static final String USER = "user";
}
