package dev.bulwark.internal.network;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.transport.IpAddresses;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The address rules in force, read again from the configuration every {@code bulwark.ip.reload-interval} (a list
 * changed in a mounted configuration file or in the secret-file directory applies without a restart). A reload is
 * parsed and checked like the deployment's read; a bad one is logged once, and the last good rules stay in force.
 * One caller re-reads at a time; the others go on with the rules they have. Time comes from the clock.
 */
public final class AddressRules {

    private record Current(NetworkSettings settings, Instant nextRead) {
    }

    private final Function<String, Optional<String>> source;
    private final java.nio.file.Path baseline;
    private final Clock clock;
    private final Consumer<String> log;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Current current;
    /** The problems of the last bad reload (logged once), or null. */
    private volatile String lastBad;

    /**
     * @param initial the rules the deployment read and validated
     * @param source  the configuration to read again, or null for rules that never change
     * @param log     where a reload's outcome is logged (one line: reloaded, or kept with the problems)
     */
    public AddressRules(NetworkSettings initial, Function<String, Optional<String>> source, Clock clock,
                        Consumer<String> log) {
        this(initial, source, clock, log, null);
    }

    /** @param baseline the central baseline ({@link Baseline#locate()}) a reload is held to too, or null */
    public AddressRules(NetworkSettings initial, Function<String, Optional<String>> source, Clock clock,
                        Consumer<String> log, java.nio.file.Path baseline) {
        this.baseline = baseline;
        this.source = source;
        this.clock = clock;
        this.log = log;
        this.current = new Current(initial, clock.instant().plus(initial.reloadInterval()));
    }

    /** Rules that never change (tests, adapters without a configuration to re-read). */
    public static AddressRules fixed(NetworkSettings settings) {
        return new AddressRules(settings, null, Clock.systemUTC(), line -> { });
    }

    /** The rules in force now (re-read first when they are due). */
    public NetworkSettings current() {
        Current c = current;
        if (source == null || clock.instant().isBefore(c.nextRead()) || !reading.compareAndSet(false, true)) {
            return c.settings();
        }
        try {
            c = current;
            ConfigReader reader = new ConfigReader(source);
            NetworkSettings read = NetworkKeys.CONCERN.read(reader);
            List<ConfigProblem> problems = reader.problems();
            if (problems.isEmpty()) {
                problems = Baseline.check(baseline, read); // a reload may not loosen the baseline either
            }
            if (!problems.isEmpty()) {
                String all = String.join("; ", problems.stream().map(ConfigProblem::message).toList());
                if (!all.equals(lastBad)) {
                    lastBad = all;
                    log.accept("Bulwark kept the last good address rules: the reloaded configuration has problems: "
                            + all);
                }
                current = new Current(c.settings(), clock.instant().plus(c.settings().reloadInterval()));
                return c.settings();
            }
            lastBad = null;
            if (!read.equals(c.settings())) {
                log.accept("Bulwark reloaded the address rules");
            }
            current = new Current(read, clock.instant().plus(read.reloadInterval()));
            return read;
        } finally {
            reading.set(false);
        }
    }

    /** The servlet-layer check of one request (global lists, then the route policies covering it), or null. */
    public String refusal(String clientAddress, String method, String normalizedPath) {
        return refusal(current(), clientAddress, method, normalizedPath);
    }

    /** The same check against rules the caller already read ({@link #current()}, once per request). */
    public String refusal(NetworkSettings s, String clientAddress, String method, String normalizedPath) {
        return s.noRequestRules() ? null : s.refusal(bytes(clientAddress), method, normalizedPath);
    }

    /** The check of a call to a resource method naming these roles, or null. */
    public String roleRefusal(String clientAddress, Collection<String> roles) {
        NetworkSettings s = current();
        return s.roles().isEmpty() ? null : s.roleRefusal(bytes(clientAddress), roles);
    }

    /**
     * The client address as the transport step resolved it: canonical text, or the peer as the container gave it
     * when it is no plain literal (a zone id: unreadable, so refused by any rule).
     */
    static byte[] bytes(String clientAddress) {
        return clientAddress == null ? null : IpAddresses.parseNode(clientAddress);
    }
}
