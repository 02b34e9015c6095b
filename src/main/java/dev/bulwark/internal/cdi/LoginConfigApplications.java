package dev.bulwark.internal.cdi;

import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The application's {@code @LoginConfig(authMethod = "MP-JWT")} Jakarta REST application classes, for the runtimes
 * that install their MicroProfile JWT authentication mechanism only when such a class is a CDI bean (Payara: its
 * JWT extension looks for the annotation on the beans it is told about, and a plain {@code Application} subclass in
 * an implicit bean archive is no bean). Without the mechanism, the server answers every request, public ones
 * included, with its own {@code 401} and {@code WWW-Authenticate: Basic realm=""}.
 *
 * <p>Bulwark's extension finds these classes in the web module's {@code WEB-INF/classes} before bean discovery ends
 * and adds each one that the container did not discover as a bean; the servlet initializer checks the result
 * ({@link #notBeans}) and warns, or in strict mode fails the deployment, for any it could not make a bean.
 */
public final class LoginConfigApplications {

    /** The MicroProfile JWT authentication method name of {@code @LoginConfig}. */
    public static final String MP_JWT = "MP-JWT";

    /** Payara's JWT extension, which installs the mechanism only for a {@code @LoginConfig} bean. */
    static final String PAYARA_JWT_EXTENSION = "fish.payara.microprofile.jwtauth.cdi.JwtAuthCdiExtension";

    /** How the annotation's type appears in a class file that carries it (a constant-pool descriptor). */
    private static final byte[] MARKER = ("L" + LoginConfig.class.getName().replace('.', '/') + ";")
            .getBytes(StandardCharsets.UTF_8);

    private LoginConfigApplications() {
    }

    /** True when the runtime installs MicroProfile JWT only for a {@code @LoginConfig} class that is a CDI bean. */
    public static boolean runtimeNeedsBean(ClassLoader loader) {
        try {
            Class.forName(PAYARA_JWT_EXTENSION, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** True for a concrete {@code Application} subclass annotated {@code @LoginConfig(authMethod = "MP-JWT")}. */
    public static boolean isMpJwtApplication(Class<?> type) {
        if (!Application.class.isAssignableFrom(type) || type.isInterface()
                || Modifier.isAbstract(type.getModifiers())) {
            return false;
        }
        LoginConfig login = type.getAnnotation(LoginConfig.class);
        return login != null && MP_JWT.equals(login.authMethod());
    }

    /**
     * The MP-JWT application classes of the web module that {@code loader} loads: the class files under each
     * {@code WEB-INF/classes} directory it names (an exploded WAR, as Payara deploys it), loaded without being
     * initialised. Classes in jars and archives that are not exploded are not searched (the initializer still
     * checks every application class it is given).
     */
    static List<Class<?>> find(ClassLoader loader) {
        List<Class<?>> found = new ArrayList<>();
        Enumeration<URL> roots;
        try {
            roots = loader.getResources("");
        } catch (IOException e) {
            return found;
        }
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if (!"file".equals(root.getProtocol())) {
                continue;
            }
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                continue;
            }
            if (dir.endsWith(Path.of("WEB-INF", "classes")) && Files.isDirectory(dir)) {
                for (Class<?> c : findIn(dir, loader)) {
                    if (!found.contains(c)) {
                        found.add(c);
                    }
                }
            }
        }
        return found;
    }

    /** The MP-JWT application classes among the class files under {@code root} (a class-path directory). */
    static List<Class<?>> findIn(Path root, ClassLoader loader) {
        List<Path> candidates;
        try (Stream<Path> files = Files.walk(root)) {
            candidates = files.filter(f -> f.getFileName().toString().endsWith(".class") && Files.isRegularFile(f)
                    && carriesMarker(f)).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        List<Class<?>> found = new ArrayList<>();
        for (Path file : candidates) {
            String relative = root.relativize(file).toString();
            String name = relative.substring(0, relative.length() - ".class".length())
                    .replace(file.getFileSystem().getSeparator(), ".");
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (isMpJwtApplication(type)) {
                    found.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable by the module (or not this module's): nothing Bulwark can make a bean
            }
        }
        return found;
    }

    private static boolean carriesMarker(Path classFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(classFile);
        } catch (IOException e) {
            return false;
        }
        outer:
        for (int i = 0; i <= bytes.length - MARKER.length; i++) {
            for (int j = 0; j < MARKER.length; j++) {
                if (bytes[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The problem to report when the runtime needs a bean and some MP-JWT application class is not one, naming
     * them and what the client would see; empty when there is none.
     *
     * @param applications the module's application classes
     * @param runtimeNeedsBean whether this runtime installs MicroProfile JWT only for a bean
     * @param isBean whether the container made a class a CDI bean
     */
    public static Optional<String> notBeans(Collection<Class<?>> applications, boolean runtimeNeedsBean,
                                            Predicate<Class<?>> isBean) {
        if (!runtimeNeedsBean) {
            return Optional.empty();
        }
        List<String> names = applications.stream().filter(LoginConfigApplications::isMpJwtApplication)
                .filter(isBean.negate()).map(Class::getName).sorted().toList();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", names) + " (@LoginConfig(authMethod = \"MP-JWT\")) is not a CDI bean,"
                + " and this server installs MicroProfile JWT authentication only for a bean: it would answer every"
                + " request, public ones included, with its own 401 (WWW-Authenticate: Basic). Deploy it exploded"
                + " from WEB-INF/classes (Bulwark then makes it a bean) or annotate it @ApplicationScoped");
    }
}
