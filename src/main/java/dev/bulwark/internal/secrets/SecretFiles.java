package dev.bulwark.internal.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Secrets as platforms mount them: a directory with one file per key, the file's name the key and its content the
 * value (a trailing line break removed). This is how Kubernetes secret volumes (each key a symbolic link through
 * {@code ..data} to a timestamped directory, swapped atomically on an update), the Vault Agent's templates and the
 * Secrets Store CSI driver (Vault, AWS, Azure, GCP) provide them. Entries whose names start with {@code .} (the
 * volume's own {@code ..data} and timestamped directories, editors' temporary files), directories, dangling links
 * and files over 64 KiB are not keys.
 *
 * <p>The directory is read again when asked at least {@code interval} after the last read (time from the clock);
 * each change is reported by name only ({@code added}, {@code changed}, {@code removed}), never with a value, and
 * bumps {@link #generation()}, so holders of a secret rebuild what they derived from it.
 */
public final class SecretFiles {

    /** Largest secret file read. */
    static final long MAX_BYTES = 65_536;

    private record Snapshot(Map<String, String> values, Instant readAt, long generation) {
    }

    private final Path dir;
    private final Clock clock;
    private final Duration interval;
    private final Consumer<String> changes;
    private volatile Snapshot snapshot;

    /**
     * @param changes told each change ({@code "changed: bulwark.apikeys.pepper"}), never a value
     */
    public SecretFiles(Path dir, Clock clock, Duration interval, Consumer<String> changes) {
        this.dir = dir;
        this.clock = clock;
        this.interval = interval;
        this.changes = changes;
        this.snapshot = new Snapshot(read(), clock.instant(), 0);
    }

    public Path dir() {
        return dir;
    }

    /** The secret's current value, or empty. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(current().values().get(name));
    }

    /** Every secret's current value, by name. */
    public Map<String, String> all() {
        return current().values();
    }

    /** Goes up by one with every read that found a change. */
    public long generation() {
        return current().generation();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (now.isBefore(s.readAt().plus(interval))) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (now.isBefore(s.readAt().plus(interval))) {
                return s;
            }
            Map<String, String> fresh = read();
            long generation = s.generation();
            if (!fresh.equals(s.values())) {
                report(s.values(), fresh);
                generation++;
            }
            s = new Snapshot(fresh, now, generation);
            snapshot = s;
            return s;
        }
    }

    private void report(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String was = before.get(name);
            String is = after.get(name);
            if (was == null) {
                changes.accept("added: " + name);
            } else if (is == null) {
                changes.accept("removed: " + name);
            } else if (!was.equals(is)) {
                changes.accept("changed: " + name);
            }
        }
    }

    /** The directory's secrets now; a missing or unreadable directory has none. */
    private Map<String, String> read() {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(entry)) {
                    continue; // ..data, ..2026_11_30..., a dangling link, a directory
                }
                try {
                    if (Files.size(entry) > MAX_BYTES) {
                        changes.accept("ignored (over " + MAX_BYTES + " bytes): " + name);
                        continue;
                    }
                    out.put(name, value(Files.readString(entry, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    // removed between the listing and the read (an update in progress): read next time
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The file's content without one trailing line break ({@code echo value > file} writes one). */
    static String value(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    @Override
    public String toString() {
        return "SecretFiles[" + dir + "]";
    }
}
