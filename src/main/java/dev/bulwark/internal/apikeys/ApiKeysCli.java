package dev.bulwark.internal.apikeys;

import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.ratelimit.RatePolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The command-line tool of the file store: creates, rotates, lists and revokes API keys. A new key is printed once,
 * on standard output, and never again (the file holds its hash only). Runs with the Bulwark jar alone:
 * <pre>
 * java -cp bulwark.jar dev.bulwark.internal.apikeys.ApiKeysCli create --file keys.properties \
 *      --client billing-batch --owner svc-billing --roles user --scopes "items:read" --rate-limit 100/1m
 * </pre>
 * The pepper comes from the environment ({@code BULWARK_APIKEYS_PEPPER}) or a file ({@code --pepper-file}, as a
 * secret volume mounts it), never from the command line (other users of the machine can read arguments).
 */
public final class ApiKeysCli {

    static final String USAGE = """
            Bulwark API keys (file store): docs/api-keys.md
              create --file F --client C --owner O [--roles r1,r2] [--scopes "s1 s2"] [--expires-in 365d]
                     [--rate-limit 100/1m] [--audience svc1,svc2] [--prefix bwk] [--pepper-file P]
                  makes a key and prints it ONCE on standard output; with --audience it works only on the
                  servers whose bulwark.apikeys.audience is one of them (without: only where none is set)
              rotate --file F --client C [--overlap 7d] [--expires-in 365d] [--prefix bwk] [--pepper-file P]
                  makes a new key like the client's newest working one (same rights and audiences) and ends
                  the old ones after the overlap
              list   --file F [--max-age 90d]
                  every key (id, client, owner, rights, dates, state); never a key or a hash
              revoke --file F (--id ID | --client C)
                  revokes one key, or every key of a client
            The pepper: BULWARK_APIKEYS_PEPPER, or --pepper-file (never an argument).""";

    private static final Set<String> FLAGS = Set.of("--file", "--client", "--owner", "--roles", "--scopes",
            "--expires-in", "--rate-limit", "--prefix", "--pepper-file", "--overlap", "--max-age", "--id",
            "--audience");

    private final Clock clock;
    private final Function<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final SecureRandom random = new SecureRandom();

    ApiKeysCli(Clock clock, Function<String, String> env, PrintStream out, PrintStream err) {
        this.clock = clock;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new ApiKeysCli(Clock.systemUTC(), System::getenv, System.out, System.err).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command; 0 when it succeeded, 2 for a usage error, 1 for a failure. */
    int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            Path file = Path.of(required(options, "--file"));
            if (Set.of("rotate", "list", "revoke").contains(args[0]) && !Files.exists(file)) {
                throw new IllegalStateException("there is no key file " + file + " (create a key first)");
            }
            FileApiKeyStore store = new FileApiKeyStore(file);
            return switch (args[0]) {
                case "create" -> create(store, options);
                case "rotate" -> rotate(store, options);
                case "list" -> list(store, options);
                case "revoke" -> revoke(store, options);
                default -> {
                    err.println("error: unknown command " + args[0]);
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | UncheckedIOException | KeyStoreUnavailableException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int create(FileApiKeyStore store, Map<String, String> o) {
        String rate = o.get("--rate-limit");
        if (rate != null && RatePolicy.parse("api-key", rate) == null) {
            throw new IllegalArgumentException("--rate-limit is not a rate such as 100/1m");
        }
        Set<String> audiences = FileApiKeyStore.split(o.getOrDefault("--audience", ""), ",");
        for (String audience : audiences) {
            if (!ApiKeyFormat.validAudience(audience)) {
                throw new IllegalArgumentException("--audience: '" + audience + "' is not a service name (letters,"
                        + " digits and . _ : / -, at most 128; several separated by commas)");
            }
        }
        Instant now = clock.instant();
        return issue(store, o, new Rights(required(o, "--owner"), required(o, "--client"),
                FileApiKeyStore.split(o.getOrDefault("--roles", ""), ","),
                FileApiKeyStore.split(o.getOrDefault("--scopes", ""), " "), rate, audiences), now);
    }

    private int rotate(FileApiKeyStore store, Map<String, String> o) {
        String client = required(o, "--client");
        Instant now = clock.instant();
        List<ApiKeyRecord> working = store.list().stream().filter(k -> k.client().equals(client) && works(k, now))
                .sorted(Comparator.comparing(ApiKeyRecord::createdAt)).toList();
        if (working.isEmpty()) {
            throw new IllegalStateException("client " + client + " has no working key to rotate (create one)");
        }
        ApiKeyRecord newest = working.get(working.size() - 1);
        Duration overlap = duration(o, "--overlap", "7d");
        int code = issue(store, o, new Rights(newest.owner(), client, newest.roles(), newest.scopes(),
                newest.rateLimit(), newest.audiences()), now);
        Instant end = now.plus(overlap);
        for (ApiKeyRecord old : working) {
            if (old.expiresAt().isAfter(end)) {
                store.save(old.expiring(end));
            }
            err.println("old key " + old.id() + " works until " + (old.expiresAt().isAfter(end) ? end
                    : old.expiresAt()));
        }
        return code;
    }

    /** What a new key is given: a created key's options, or a rotated key's. */
    private record Rights(String owner, String client, Set<String> roles, Set<String> scopes, String rateLimit,
                          Set<String> audiences) {
    }

    /** Makes a new key with these rights. */
    private int issue(FileApiKeyStore store, Map<String, String> o, Rights like, Instant now) {
        ApiKeyFormat format = new ApiKeyFormat(o.getOrDefault("--prefix", "bwk"));
        KeyHasher hasher = new KeyHasher(pepper(o), null);
        Duration life = duration(o, "--expires-in", "365d");
        ApiKeyFormat.NewKey key = format.generate(random);
        store.save(new ApiKeyRecord(key.id(), hasher.hash(key.key()), like.owner(), like.client(), like.roles(),
                like.scopes(), now, now.plus(life), null, like.rateLimit(), like.audiences()));
        err.println("created key " + key.id() + " for client " + like.client() + " (owner " + like.owner()
                + (like.audiences().isEmpty() ? ", no audience" : ", audience "
                + String.join(",", new TreeSet<>(like.audiences()))) + "), expires " + now.plus(life)
                + ". It is printed once, below: store it now.");
        out.println(key.key());
        return 0;
    }

    private int list(FileApiKeyStore store, Map<String, String> o) {
        Duration maxAge = duration(o, "--max-age", "90d");
        Instant now = clock.instant();
        out.println("id\tclient\towner\troles\tscopes\trate-limit\taudience\tcreated\texpires\tstate");
        for (ApiKeyRecord k : FileApiKeyStore.sorted(store.list())) {
            String state = k.revokedAt() != null && !now.isBefore(k.revokedAt()) ? "revoked " + k.revokedAt()
                    : !now.isBefore(k.expiresAt()) ? "expired"
                    : ApiKeys.isOverAge(k, now, maxAge) ? "active, OVER MAX AGE ("
                    + Duration.between(k.createdAt(), now).toDays() + " days): rotate" : "active";
            out.println(String.join("\t", k.id(), k.client(), k.owner(), String.join(",", new TreeSet<>(k.roles())),
                    String.join(" ", new TreeSet<>(k.scopes())), k.rateLimit() == null ? "-" : k.rateLimit(),
                    k.audiences().isEmpty() ? "-" : String.join(",", new TreeSet<>(k.audiences())),
                    k.createdAt().toString(), k.expiresAt().toString(), state));
        }
        return 0;
    }

    private int revoke(FileApiKeyStore store, Map<String, String> o) {
        String id = o.get("--id");
        String client = o.get("--client");
        if ((id == null) == (client == null)) {
            throw new IllegalArgumentException("revoke needs --id or --client (one of them)");
        }
        Instant now = clock.instant();
        List<ApiKeyRecord> targets = new ArrayList<>();
        for (ApiKeyRecord k : store.list()) {
            if ((k.id().equals(id) || k.client().equals(client)) && k.revokedAt() == null) {
                targets.add(k);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalStateException("no unrevoked key " + (id != null ? id : "of client " + client));
        }
        for (ApiKeyRecord k : targets) {
            store.save(k.revoked(now));
            out.println("revoked " + k.id() + " (client " + k.client() + ")");
        }
        return 0;
    }

    private static boolean works(ApiKeyRecord k, Instant now) {
        return k.revokedAt() == null && now.isBefore(k.expiresAt());
    }

    private String pepper(Map<String, String> o) {
        String file = o.get("--pepper-file");
        String pepper;
        if (file != null) {
            try {
                pepper = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("the pepper file " + file + " cannot be read");
            }
        } else {
            pepper = env.apply("BULWARK_APIKEYS_PEPPER");
            if (pepper == null) {
                throw new IllegalArgumentException("no pepper: set BULWARK_APIKEYS_PEPPER or --pepper-file, with the"
                        + " value the servers use (bulwark.apikeys.pepper)");
            }
            pepper = pepper.strip();
        }
        if (pepper.getBytes(StandardCharsets.UTF_8).length < KeyHasher.MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException("the pepper needs at least " + KeyHasher.MIN_PEPPER_BYTES + " bytes");
        }
        return pepper;
    }

    private static Duration duration(Map<String, String> o, String flag, String fallback) {
        try {
            return Parsers.duration(Duration.ofMinutes(1), Duration.ofDays(3650)).parse(o.getOrDefault(flag, fallback));
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(flag + " is not a duration such as 7d or 12h");
        }
    }

    private static String required(Map<String, String> o, String flag) {
        String v = o.get(flag);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(flag + " is required");
        }
        return v;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!FLAGS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (o.put(args[i], args[i + 1]) != null) {
                throw new IllegalArgumentException(args[i] + " is given twice");
            }
        }
        return o;
    }
}
