package dev.bulwark.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store's lifecycle against a minimal RESP server on the loopback (no Redis needed for unit tests): the
 * connection is named after the key prefix, and {@link RedisStore#close()} really closes it.
 */
class RedisStoreTest {

    /** Answers every command with +OK except HELLO (so the client falls back to RESP2); records each command. */
    private static final class FakeRedis implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final List<String> commands = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> disconnected = new CompletableFuture<>();
        private final Thread thread = new Thread(this::serve, "fake-redis");

        FakeRedis() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            try (Socket socket = server.accept()) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    List<String> command = read(in);
                    if (command == null) {
                        disconnected.complete(null);
                        return;
                    }
                    commands.add(String.join(" ", command));
                    out.write((command.get(0).equalsIgnoreCase("HELLO") ? "-ERR unknown command 'HELLO'\r\n"
                            : "+OK\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                disconnected.complete(null);
            }
        }

        /** One RESP array of bulk strings, or null at end of stream. */
        private static List<String> read(InputStream in) throws IOException {
            String header = line(in);
            if (header == null) {
                return null;
            }
            int n = Integer.parseInt(header.substring(1));
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int length = Integer.parseInt(line(in).substring(1));
                byte[] data = in.readNBytes(length + 2);
                parts.add(new String(data, 0, length, StandardCharsets.UTF_8));
            }
            return parts;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return s.toString().strip();
                }
                s.append((char) c);
            }
            return null;
        }

        String url() {
            return "redis://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private FakeRedis redis;

    @AfterEach
    void stop() throws IOException {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void closingClosesTheConnectionOnceAndTheStoreIsUnusableAfter() throws Exception {
        redis = new FakeRedis();
        RedisStore store = new RedisStore(redis.url(), Duration.ofSeconds(2), "orders-api:rl");
        assertThat(redis.commands).as("the connection is named after the key prefix")
                .anyMatch(c -> c.equalsIgnoreCase("CLIENT SETNAME orders-api:rl"));
        assertThat(redis.disconnected).isNotDone();
        store.close();
        redis.disconnected.get(10, TimeUnit.SECONDS);
        assertThat(store.closed()).isTrue();
        store.close(); // idempotent
        assertThatThrownBy(() -> store.acquire("k", new RatePolicy("default", 1, Duration.ofSeconds(1))))
                .isInstanceOf(RuntimeException.class);
    }
}
