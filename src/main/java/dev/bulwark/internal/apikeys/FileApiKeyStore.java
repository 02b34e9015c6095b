package dev.bulwark.internal.apikeys;

import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.api.ApiKeyStore;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.logging.Logger;

/**
 * API keys in a properties file, for small deployments: one group of {@code key.<id>.*} lines per key, hashes only
 * (never a usable key). The file is read again whenever its modification time or size changes, so that a key the
 * command-line tool revokes stops working within {@code bulwark.apikeys.cache-ttl}. A file that cannot be read
 * (malformed, unreadable) gives no keys at all: fail closed, with one SEVERE line naming the problem (never a hash).
 * Writes replace the file atomically (the servers never see half a file), readable by its owner only where the file
 * system has POSIX permissions.
 */
public final class FileApiKeyStore implements ApiKeyStore {

    private static final Logger LOG = Logger.getLogger("dev.bulwark");

    private record Snapshot(FileTime modified, long size, Map<String, ApiKeyRecord> keys) {
    }

    private final Path file;
    private volatile Snapshot snapshot;

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
    public synchronized void save(ApiKeyRecord key) {
        Map<String, ApiKeyRecord> all = new TreeMap<>(read(true));
        all.put(key.id(), key);
        write(all);
        snapshot = null;
    }

    /** The file's keys, read again when it changed. */
    private Snapshot current() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            modified = null;
            size = -1;
        } catch (IOException e) {
            LOG.severe("Bulwark API keys: the key file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): no key is accepted until it can");
            return new Snapshot(null, -2, Map.of());
        }
        Snapshot s = snapshot;
        if (s != null && java.util.Objects.equals(s.modified(), modified) && s.size() == size) {
            return s;
        }
        Map<String, ApiKeyRecord> keys;
        try {
            keys = modified == null ? Map.of() : read(false);
        } catch (IllegalStateException e) {
            LOG.severe("Bulwark API keys: the key file " + file + " is not valid (" + e.getMessage()
                    + "): no key is accepted until it is");
            keys = Map.of();
        }
        s = new Snapshot(modified, size, Map.copyOf(keys));
        snapshot = s;
        return s;
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
                throw new IllegalStateException("unexpected entry '" + dev.bulwark.internal.logging.SafeLog
                        .printable(name, 60) + "'");
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
                        blankToNull(p.getProperty(base + "rate-limit"))));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("a date of key " + id + " is not an ISO instant");
            }
        }
        return keys;
    }

    private void write(Map<String, ApiKeyRecord> keys) {
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
            StringWriter lines = new StringWriter();
            try {
                one.store(lines, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Properties.store writes a date comment first and its entries unordered: keep the entries, sorted
            lines.toString().lines().filter(l -> !l.startsWith("#")).sorted(Comparator.naturalOrder())
                    .forEach(l -> out.write(l + "\n"));
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".api-keys", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // no POSIX permissions on this file system: the directory's protection applies
                }
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(out.toString());
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file, e);
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
