package dev.bulwark.testkit;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian tools this project's tests drive (Chromium, the DAST scanners): a command found on the path, else its
 * package installed with {@code apt-get} when the build runs as root ({@code apt-get update} once more when the
 * first install fails: a fresh machine's package lists may be stale). Without root or apt the calling test is
 * skipped (a JUnit assumption naming the package), never passed in silence.
 */
public final class DebianPackages {

    private DebianPackages() {
    }

    /**
     * The first of {@code commands} on the path, after installing {@code debianPackage} when none is; skips the
     * test when it cannot be installed here, fails it when apt-get itself fails.
     */
    public static String require(String debianPackage, String... commands) throws IOException, InterruptedException {
        String found = firstOnPath(commands);
        if (found != null) {
            return found;
        }
        Assumptions.assumeTrue(onPath("apt-get") && isRoot(), () -> String.join("/", commands) + " is not installed"
                + " and this build cannot install it (needs apt-get as root): install Debian's " + debianPackage
                + " package to run this test");
        if (run("apt-get", "install", "-y", "-q", "--no-install-recommends", debianPackage) != 0) {
            run("apt-get", "update", "-q");
            if (run("apt-get", "install", "-y", "-q", "--no-install-recommends", debianPackage) != 0) {
                throw new IllegalStateException("apt-get install " + debianPackage + " failed");
            }
        }
        found = firstOnPath(commands);
        if (found == null) {
            throw new IllegalStateException(debianPackage + " is installed but none of " + List.of(commands)
                    + " is on the path");
        }
        return found;
    }

    private static String firstOnPath(String... commands) throws IOException, InterruptedException {
        for (String name : commands) {
            if (onPath(name)) {
                return name;
            }
        }
        return null;
    }

    private static boolean onPath(String name) throws IOException, InterruptedException {
        return run("sh", "-c", "command -v " + name) == 0;
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        return run("sh", "-c", "test \"$(id -u)\" = 0") == 0;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = builder.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
