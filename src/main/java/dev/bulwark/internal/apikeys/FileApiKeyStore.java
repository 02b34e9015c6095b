package dev.bulwark.internal.apikeys;

import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.api.ApiKeyStore;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * API keys in a properties file, for small deployments: one group of {@code key.<id>.*} lines per key, hashes only
 * (never a usable key). The file is read again whenever it was replaced or its time or size changed, so that a key
 * the command-line tool revokes stops working within {@code bulwark.apikeys.cache-ttl}.
 *
 * <p>Writes (the tool's) hold an exclusive lock on a companion lock file ({@code .<name>.lock}, never deleted) for
 * the whole read-change-write, so that two tools running at once cannot lose each other's change; the new content
 * goes to a temporary file in the same directory, is forced to disk and renamed over the key file atomically, so a
 * server reads either the old file or the new one, never half of one. Every file written is readable by its owner
 * only where the file system has POSIX permissions.
 *
 * <p>A key file that cannot be read or parsed at run time (a volume gone, a hand edit gone wrong) is not "no keys":
 * the last good copy stays in use and one WARNING names the problem (never a hash); when it has never been read,
 * the store is unavailable ({@link KeyStoreUnavailableException}: the request gets a 503, as with a database outage).
 * Deleting the file therefore withdraws no key: revoke them with the tool.
 */
public final class FileApiKeyStore implements ApiKeyStore {

    private static final Logger LOG = Logger.getLogger("dev.bulwark");

    /** How long a write waits for another writer of the same file before it gives up. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    /** What identifies one version of the file: a replacement is a new file (key), an edit changes time or size. */
    private record Stamp(Object fileKey, FileTime modified, long size) {
    }

    private record Snapshot(Stamp stamp, Map<String, ApiKeyRecord> keys) {
    }

    private final Path file;
    private volatile Snapshot good;
    /** The stamp of a version that could not be parsed (not read again until it changes), or null. */
    private Stamp bad;
    /** The problem being reported (logged once when it starts), or null while the file reads well. */
    private String problem;

    public FileApiKeyStore(Path file) {
        this.file = file;
    }

    @Override
    public Optional<ApiKeyRecord> find(String id) {
        return Optional.ofNullable(current().keys().get(id));
    }

    @Override
    public List<ApiKeyRecord> list() {
        return List.copyOf(current().keys().values());
    }

    @Override
    public void save(ApiKeyRecord key) {
        update(all -> all.put(key.id(), key));
    }

    /** The file's keys, read again when it changed; the last good copy while it cannot be read. */
    private Snapshot current() {
        Stamp stamp;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            stamp = new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return failed("does not exist", null);
        } catch (IOException e) {
            return failed("cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
        Snapshot s = good;
        if (s != null && s.stamp().equals(stamp)) {
            return s;
        }
        return reload(stamp);
    }

    private synchronized Snapshot reload(Stamp stamp) {
        Snapshot s = good;
        if (s != null && s.stamp().equals(stamp)) {
            return s;
        }
        if (stamp.equals(bad)) {
            return failed(problem, stamp);
        }
        Map<String, ApiKeyRecord> keys;
        try {
            keys = read(false);
        } catch (IllegalStateException e) {
            return failed("is not valid (" + e.getMessage() + ")", stamp);
        }
        s = new Snapshot(stamp, Map.copyOf(keys));
        good = s;
        bad = null;
        if (problem != null) {
            LOG.info("Bulwark API keys: the key file " + file + " is read again (" + keys.size() + " keys)");
            problem = null;
        }
        return s;
    }

    /**
     * The last good copy while the file cannot be read, or unavailable when there is none; the problem is logged
     * once, when it starts or changes.
     */
    private synchronized Snapshot failed(String reason, Stamp stamp) {
        bad = stamp;
        Snapshot last = good;
        if (!reason.equals(problem)) {
            problem = reason;
            LOG.warning("Bulwark API keys: the key file " + file + " " + reason + ": " + (last == null
                    ? "it was never read, so every API key is answered 503 until it can be"
                    : "the last good copy (" + last.keys().size() + " keys) stays in use until it can be read"));
        }
        if (last == null) {
            throw new KeyStoreUnavailableException("the key file " + file + " " + reason, null);
        }
        return last;
    }

    /** @param forWriting a missing file is an empty one; a malformed one an exception either way */
    private Map<String, ApiKeyRecord> read(boolean forWriting) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            if (forWriting) {
                return Map.of();
            }
            throw new IllegalStateException("no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable: " + e.getClass().getSimpleName());
        }
        return parse(p);
    }

    static Map<String, ApiKeyRecord> parse(Properties p) {
        Set<String> ids = new TreeSet<>();
        for (String name : p.stringPropertyNames()) {
            String[] parts = name.split("\\.", 3);
            if (parts.length != 3 || !parts[0].equals("key") || !ApiKeyFormat.validId(parts[1])) {
                // named when short: a long one may be a key pasted into the file, and the line must hold none
                throw new IllegalStateException(name.length() <= 32 ? "unexpected entry '"
                        + dev.bulwark.internal.logging.SafeLog.printable(name, 32) + "'"
                        : "an unexpected entry of " + name.length() + " characters");
            }
            ids.add(parts[1]);
        }
        Map<String, ApiKeyRecord> keys = new TreeMap<>();
        for (String id : ids) {
            String base = "key." + id + ".";
            try {
                keys.put(id, new ApiKeyRecord(id, required(p, base + "hash"), required(p, base + "owner"),
                        required(p, base + "client"), split(p.getProperty(base + "roles", ""), ","),
                        split(p.getProperty(base + "scopes", ""), " "), Instant.parse(required(p, base + "created")),
                        Instant.parse(required(p, base + "expires")), optionalInstant(p, base + "revoked"),
                        blankToNull(p.getProperty(base + "rate-limit")),
                        split(p.getProperty(base + "audiences", ""), ",")));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("a date of key " + id + " is not an ISO instant");
            }
        }
        return keys;
    }

    /**
     * Reads the file, changes its keys and writes them back, all under the lock file's exclusive lock (other
     * processes, and other stores of this JVM, wait for it).
     */
    private synchronized void update(Consumer<Map<String, ApiKeyRecord>> change) {
        Path dir = file.toAbsolutePath().getParent();
        Path lockFile = dir.resolve("." + file.getFileName() + ".lock");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = open(lockFile)) {
                FileLock lock = lock(channel);
                try {
                    Map<String, ApiKeyRecord> all = new TreeMap<>(read(true));
                    change.accept(all);
                    write(all);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file + " (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
    }

    /** The lock; another store of this JVM holding it is waited for too (a file lock is per JVM). */
    private FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the lock of " + file + " is held too long by this JVM");
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }
    }

    private static final java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private void write(Map<String, ApiKeyRecord> keys) throws IOException {
        StringWriter out = new StringWriter();
        out.write("# Bulwark API keys (docs/api-keys.md): keyed hashes only, never a usable key.\n");
        out.write("# Written by dev.bulwark.internal.apikeys.ApiKeysCli; servers re-read it when it changes.\n");
        for (ApiKeyRecord k : keys.values()) {
            String base = "key." + k.id() + ".";
            Properties one = new Properties();
            one.setProperty(base + "hash", k.hash());
            one.setProperty(base + "owner", k.owner());
            one.setProperty(base + "client", k.client());
            one.setProperty(base + "roles", String.join(",", new TreeSet<>(k.roles())));
            one.setProperty(base + "scopes", String.join(" ", new TreeSet<>(k.scopes())));
            one.setProperty(base + "created", k.createdAt().toString());
            one.setProperty(base + "expires", k.expiresAt().toString());
            if (k.revokedAt() != null) {
                one.setProperty(base + "revoked", k.revokedAt().toString());
            }
            if (k.rateLimit() != null) {
                one.setProperty(base + "rate-limit", k.rateLimit());
            }
            if (!k.audiences().isEmpty()) {
                one.setProperty(base + "audiences", String.join(",", new TreeSet<>(k.audiences())));
            }
            StringWriter lines = new StringWriter();
            one.store(lines, null);
            // Properties.store writes a date comment first and its entries unordered: keep the entries, sorted
            lines.toString().lines().filter(l -> !l.startsWith("#")).sorted(Comparator.naturalOrder())
                    .forEach(l -> out.write(l + "\n"));
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp"); // no POSIX permissions here
        }
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true); // on disk before it replaces the file: a crash leaves the old or the new one
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + file + " cannot replace it atomically", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String required(Properties p, String name) {
        String v = blankToNull(p.getProperty(name));
        if (v == null) {
            throw new IllegalStateException("missing " + name);
        }
        return v;
    }

    private static Instant optionalInstant(Properties p, String name) {
        String v = blankToNull(p.getProperty(name));
        return v == null ? null : Instant.parse(v);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    static Set<String> split(String text, String separator) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    @Override
    public String toString() {
        return "FileApiKeyStore[" + file + "]";
    }

    /** For the tool: the keys sorted by client then creation. */
    static List<ApiKeyRecord> sorted(List<ApiKeyRecord> keys) {
        List<ApiKeyRecord> out = new ArrayList<>(keys);
        out.sort(Comparator.comparing(ApiKeyRecord::client).thenComparing(ApiKeyRecord::createdAt));
        return out;
    }
}
