package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payara installs MicroProfile JWT only when the {@code @LoginConfig} application class is a CDI bean: Bulwark finds
 * that class in WEB-INF/classes, makes it a bean when the container did not discover it, and reports the classes it
 * could not make beans (a warning, or a deployment problem in strict mode).
 */
class LoginConfigApplicationsTest {

    @ApplicationPath("/api")
    @LoginConfig(authMethod = "MP-JWT", realmName = "test")
    public static class JwtApplication extends Application {
    }

    @LoginConfig(authMethod = "MP-JWT")
    public static class OtherJwtApplication extends Application {
    }

    @LoginConfig(authMethod = "BASIC")
    public static class BasicApplication extends Application {
    }

    @LoginConfig(authMethod = "MP-JWT")
    public abstract static class AbstractJwtApplication extends Application {
    }

    @LoginConfig(authMethod = "MP-JWT")
    public static class NotAnApplication {
    }

    public static class PlainApplication extends Application {
    }

    @Test
    void onlyConcreteApplicationsWithTheMpJwtMethodCount() {
        assertThat(LoginConfigApplications.isMpJwtApplication(JwtApplication.class)).isTrue();
        assertThat(LoginConfigApplications.isMpJwtApplication(BasicApplication.class)).isFalse();
        assertThat(LoginConfigApplications.isMpJwtApplication(AbstractJwtApplication.class)).isFalse();
        assertThat(LoginConfigApplications.isMpJwtApplication(NotAnApplication.class)).isFalse();
        assertThat(LoginConfigApplications.isMpJwtApplication(PlainApplication.class)).isFalse();
    }

    @Test
    void theClassFilesOfAClassPathDirectoryAreSearchedWithoutLoadingEveryClass() throws Exception {
        Path testClasses = Path.of(JwtApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(LoginConfigApplications.findIn(testClasses, getClass().getClassLoader()))
                .containsExactly(JwtApplication.class, OtherJwtApplication.class);
    }

    @Test
    void onlyAWebModulesClassesDirectoryIsSearched(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("app/WEB-INF/classes");
        Path elsewhere = dir.resolve("tools/classes");
        for (Path root : List.of(classes, elsewhere)) {
            copyClassFile(JwtApplication.class, root);
        }
        try (URLClassLoader module = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThat(LoginConfigApplications.find(module)).containsExactly(JwtApplication.class);
        }
        try (URLClassLoader tools = new URLClassLoader(new URL[] {elsewhere.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThat(LoginConfigApplications.find(tools)).as("not a web module's classes").isEmpty();
        }
    }

    private static void copyClassFile(Class<?> type, Path root) throws Exception {
        String relative = type.getName().replace('.', '/') + ".class";
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        try (var in = type.getClassLoader().getResourceAsStream(relative)) {
            Files.copy(in, target);
        }
    }

    @Test
    void aRuntimeWithoutPayarasJwtExtensionNeedsNoBean() {
        assertThat(LoginConfigApplications.runtimeNeedsBean(getClass().getClassLoader())).isFalse();
        assertThat(LoginConfigApplications.PAYARA_JWT_EXTENSION)
                .isEqualTo("fish.payara.microprofile.jwtauth.cdi.JwtAuthCdiExtension");
    }

    @Test
    void anMpJwtApplicationThatIsNoBeanIsReportedOnlyWhereTheRuntimeNeedsABean() {
        List<Class<?>> applications = List.of(JwtApplication.class, BasicApplication.class, PlainApplication.class);
        assertThat(LoginConfigApplications.notBeans(applications, false, c -> false)).isEmpty();
        assertThat(LoginConfigApplications.notBeans(applications, true, c -> c == JwtApplication.class)).isEmpty();
        assertThat(LoginConfigApplications.notBeans(applications, true, c -> false)).hasValueSatisfying(m ->
                assertThat(m).startsWith(JwtApplication.class.getName() + " (@LoginConfig(authMethod = \"MP-JWT\"))"
                        + " is not a CDI bean").contains("every request, public ones included")
                        .contains("401 (WWW-Authenticate: Basic)").doesNotContain(BasicApplication.class.getName()));
    }

    @Test
    void theExtensionAddsOnlyTheApplicationsTheContainerDidNotDiscoverAndNotesWhichBecameBeans() {
        BulwarkExtension extension = new BulwarkExtension();
        extension.loginConfigApplications(true, List.of(JwtApplication.class, OtherJwtApplication.class));
        extension.collectGuardedBeans(processAnnotatedType(OtherJwtApplication.class));

        List<Object> added = new ArrayList<>();
        AfterTypeDiscovery afterTypeDiscovery = (AfterTypeDiscovery) Proxy.newProxyInstance(
                AfterTypeDiscovery.class.getClassLoader(), new Class<?>[] {AfterTypeDiscovery.class}, (p, m, a) -> {
                    if (m.getName().equals("addAnnotatedType") && a.length == 2 && a[0] instanceof Class<?> c) {
                        added.add(c);
                        added.add(a[1]);
                    }
                    return null;
                });
        extension.addLoginConfigBeans(afterTypeDiscovery);
        assertThat(added).containsExactly(JwtApplication.class, "dev.bulwark.LoginConfig." + JwtApplication.class
                .getName());

        assertThat(extension.loginConfigNeedsBean()).isTrue();
        assertThat(extension.isLoginConfigBean(JwtApplication.class)).isFalse();
        extension.detectLoginConfigBean(processBean(JwtApplication.class));
        extension.detectLoginConfigBean(processBean(BasicApplication.class));
        assertThat(extension.isLoginConfigBean(JwtApplication.class)).isTrue();
        assertThat(extension.isLoginConfigBean(BasicApplication.class)).isFalse();
    }

    @Test
    void whereTheRuntimeNeedsNoBeanNothingIsAdded() {
        BulwarkExtension extension = new BulwarkExtension();
        extension.loginConfigApplications(false, List.of());
        AfterTypeDiscovery afterTypeDiscovery = (AfterTypeDiscovery) Proxy.newProxyInstance(
                AfterTypeDiscovery.class.getClassLoader(), new Class<?>[] {AfterTypeDiscovery.class}, (p, m, a) -> {
                    throw new AssertionError("nothing to add: " + m.getName());
                });
        extension.addLoginConfigBeans(afterTypeDiscovery);
        assertThat(extension.loginConfigNeedsBean()).isFalse();
    }

    private static AnnotatedType<?> annotatedType(Class<?> type) {
        return (AnnotatedType<?>) Proxy.newProxyInstance(AnnotatedType.class.getClassLoader(),
                new Class<?>[] {AnnotatedType.class}, (p, m, a) -> switch (m.getName()) {
                    case "getJavaClass" -> type;
                    case "getAnnotations" -> Set.of(type.getAnnotations());
                    default -> null;
                });
    }

    private static ProcessAnnotatedType<?> processAnnotatedType(Class<?> type) {
        AnnotatedType<?> annotated = annotatedType(type);
        return (ProcessAnnotatedType<?>) Proxy.newProxyInstance(ProcessAnnotatedType.class.getClassLoader(),
                new Class<?>[] {ProcessAnnotatedType.class},
                (p, m, a) -> m.getName().equals("getAnnotatedType") ? annotated : null);
    }

    private static ProcessBean<?> processBean(Class<?> type) {
        Annotated annotated = annotatedType(type);
        return (ProcessBean<?>) Proxy.newProxyInstance(ProcessBean.class.getClassLoader(),
                new Class<?>[] {ProcessBean.class}, (p, m, a) -> m.getName().equals("getAnnotated") ? annotated : null);
    }
}
