package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.countLogLines;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * An application counting in Redis lets go of its Redis connection when it stops: started, used, stopped, started
 * again and stopped again on the running server (through a configuration drop-in, so no other application is
 * touched), the real redis-server's CLIENT LIST shows its named connection exactly while it runs, never two.
 */
class LifecycleIT {

    private static final String NAME = "it-lifecycle:rl";
    private static final Path SERVER_DIR = ItSupport.LOG.toAbsolutePath().getParent().getParent();
    private static final Path DROP_IN = SERVER_DIR.resolve("configDropins/overrides/it-lifecycle.xml");
    private static final String APP = """
            <server>
                <webApplication id="itLifecycle" name="itLifecycle" location="bulwark-it.war" contextRoot="/it-lifecycle">
                    <classloader privateLibraryRef="h2"/>
                    <appProperties>
                        <property name="bulwark.ratelimit.store" value="REDIS"/>
                        <property name="bulwark.ratelimit.redis.url" value="redis://127.0.0.1:${redis.port}"/>
                        <property name="bulwark.ratelimit.redis.timeout" value="500ms"/>
                        <property name="bulwark.ratelimit.redis.key-prefix" value="%s"/>
                    </appProperties>
                </webApplication>
            </server>
            """.formatted(NAME);

    /** How many connections named {@link #NAME} redis-server has right now. */
    private static long connections() {
        try (Socket socket = new Socket("127.0.0.1", Integer.getInteger("it.redis.port", 6390))) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("CLIENT LIST\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder header = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                header.append((char) c);
            }
            int length = Integer.parseInt(header.toString().strip().substring(1));
            String list = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return list.lines().filter(l -> l.contains(" name=" + NAME + " ")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitLogCount(String fragment, LongPredicate done) throws InterruptedException {
        await(fragment, () -> done.test(countLogLines(fragment)));
    }

    private static void start() throws Exception {
        long started = countLogLines("CWWKZ0001I: Application itLifecycle started");
        Files.createDirectories(DROP_IN.getParent());
        Files.writeString(DROP_IN, APP);
        awaitLogCount("CWWKZ0001I: Application itLifecycle started", n -> n > started);
        // the first rate-limited decision opens the connection
        await("the application to answer", () -> send("GET", "/it-lifecycle/api/errors/ok", null).statusCode() == 200);
    }

    private static void stop() throws Exception {
        long stopped = countLogLines("CWWKZ0009I: The application itLifecycle has stopped successfully");
        Files.deleteIfExists(DROP_IN);
        awaitLogCount("CWWKZ0009I: The application itLifecycle has stopped successfully", n -> n > stopped);
    }

    @Test
    void stoppingOrRedeployingTheApplicationClosesItsRedisConnection() throws Exception {
        try {
            assertThat(connections()).isZero();
            start();
            assertThat(connections()).as("one named connection while the application runs").isEqualTo(1);
            long closed = countLogLines("closed the connection to the shared store");
            stop();
            await("the connection to close", () -> connections() == 0);
            assertThat(countLogLines("closed the connection to the shared store")).isGreaterThan(closed);
            start();
            assertThat(connections()).as("started again: one connection, none left from before").isEqualTo(1);
            stop();
            await("the connection to close again", () -> connections() == 0);
        } finally {
            Files.deleteIfExists(DROP_IN);
        }
    }
}
