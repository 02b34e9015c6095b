package dev.bulwark.internal.resources;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A built WAR opened outside a server, for the offline posture report: its {@code WEB-INF/classes} and
 * {@code WEB-INF/lib} jars (but Bulwark's own, which the tool itself brings) in a class loader whose parent has the
 * Jakarta EE and MicroProfile APIs, its {@code @Path} and {@code @ApplicationPath} classes, and its packaged
 * {@code META-INF/microprofile-config.properties}. Close it to delete the unpacked copy.
 */
public final class WarScan implements AutoCloseable {

    private final java.nio.file.Path dir;
    private final URLClassLoader loader;
    private final List<Class<?>> classes;
    private final Properties properties;

    private WarScan(java.nio.file.Path dir, URLClassLoader loader, List<Class<?>> classes, Properties properties) {
        this.dir = dir;
        this.loader = loader;
        this.classes = classes;
        this.properties = properties;
    }

    /** Unpacks the WAR and loads every class of WEB-INF/classes, keeping the resources and applications. */
    public static WarScan open(java.nio.file.Path war, ClassLoader parent) throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("bulwark-posture");
        try {
            return open(war, parent, dir);
        } catch (IOException | RuntimeException | LinkageError e) {
            delete(dir); // the unpacked copy never outlives a failed scan
            throw e;
        }
    }

    private static WarScan open(java.nio.file.Path war, ClassLoader parent, java.nio.file.Path dir)
            throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                java.nio.file.Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the WAR's directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (e.getName().startsWith("WEB-INF/classes/") && e.getName().endsWith(".class")
                        && !e.getName().endsWith("module-info.class")) {
                    names.add(e.getName().substring("WEB-INF/classes/".length(), e.getName().length() - 6)
                            .replace('/', '.'));
                }
            }
        }
        List<URL> urls = new ArrayList<>();
        urls.add(dir.resolve("WEB-INF/classes").toUri().toURL());
        java.nio.file.Path lib = dir.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
            try (var jars = Files.list(lib)) {
                for (java.nio.file.Path jar : jars.sorted().toList()) {
                    if (!jar.getFileName().toString().matches("bulwark-[0-9].*\\.jar|bulwark\\.jar")) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), parent);
        List<Class<?>> found = new ArrayList<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class whose dependencies the server would provide: not a resource Bulwark can read
            }
            if (c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(ApplicationPath.class)) {
                found.add(c);
            }
        }
        Properties properties = new Properties();
        java.nio.file.Path config = dir.resolve("WEB-INF/classes/META-INF/microprofile-config.properties");
        if (Files.isRegularFile(config)) {
            try (InputStream in = Files.newInputStream(config)) {
                properties.load(in);
            }
        }
        return new WarScan(dir, loader, List.copyOf(found), properties);
    }

    /** The module's {@code @Path} and {@code @ApplicationPath} classes. */
    public List<Class<?>> classes() {
        return classes;
    }

    /** The WAR's class loader (the application's classes and libraries). */
    public ClassLoader loader() {
        return loader;
    }

    /** The packaged {@code META-INF/microprofile-config.properties} (empty when there is none). */
    public Properties properties() {
        return properties;
    }

    /** The endpoint sites of the module below the context root, as a deployment scans them. */
    public List<dev.bulwark.internal.pipeline.EndpointSite> sites(String contextRoot) {
        return new ResourceScanner().sites(contextRoot, ResourceScanner.applications(classes));
    }

    @Override
    public void close() {
        try {
            loader.close();
            delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(java.nio.file.Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (java.nio.file.Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
