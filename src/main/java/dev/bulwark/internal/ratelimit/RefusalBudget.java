package dev.bulwark.internal.ratelimit;

import dev.bulwark.api.RateLimit;
import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.transport.IpAddresses;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How many refused requests a caller may send ({@code bulwark.ratelimit.refused}): every response that refuses the
 * request, whichever layer made it, is charged to its {@link Caller} (the subject of a bearer token Bulwark verified,
 * else the client address); once a caller's budget is spent, its requests are answered 429 before they reach the
 * application, until the budget recovers (GCRA, like every limit). Without it, a flood of bad tokens or bad input
 * never meets a limit: those requests are refused before the endpoint limits count anything. Keeping verified
 * callers apart by their subject means that callers sharing an address (a NAT) with a flooding client keep working
 * with their own valid tokens. Addresses in {@code bulwark.ratelimit.refused-exempt} are never budgeted (their
 * verified callers still are, by subject). Counts live in the deployment's rate-limit store (memory or Redis), under
 * their own scope {@value #SCOPE}; the caller that spends its budget is named in one WARNING line
 * ({@link SpentBudgetLog}).
 */
public final class RefusalBudget {

    /** The scope (and policy name) of the budget's keys and RateLimit fields. */
    public static final String SCOPE = "refused";

    /**
     * Request attribute set by a Bulwark check whose refusal has a status that is not a refusal by itself: the 404
     * of the {@code @OwnedBy} check, which looks exactly like a missing object on purpose.
     */
    public static final dev.bulwark.internal.pipeline.RequestState.Key<Boolean> REFUSED =
            dev.bulwark.internal.pipeline.RequestState.Key.of("refused by ownership", Boolean.class);

    /**
     * Statuses that always mean "this request was refused": malformed, unauthenticated, forbidden, a method that is
     * not served, too large, an unsupported body type, oversized header fields. A 404 counts only when
     * {@link #REFUSED} says Bulwark's ownership check made it (a missing page is not an attack), 429 is
     * the budget's own answer, 5xx are the server's fault.
     */
    static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 405, 411, 413, 414, 415, 431, 501);

    private final Supplier<Limiter> limiter;
    private final Limit limit;
    private final List<Cidr> exempt;
    private final SpentBudgetLog spentLog;

    /**
     * @param limiter         the deployment's limiter, asked for at first use (it is created once CDI is up)
     * @param rate            the budget, {@code count/duration}
     * @param exempt          client addresses that are never budgeted
     * @param summaryInterval the 4xx summary interval: a caller is named at most once per interval when it spends
     *                        its budget (once per budget window when the summary is off)
     */
    public RefusalBudget(Supplier<Limiter> limiter, String rate, List<Cidr> exempt, Duration summaryInterval,
                         Clock clock) {
        this.limiter = limiter;
        RatePolicy policy = RatePolicy.parse(SCOPE, rate);
        // keyed by the verified subject when there is one, else by the client address
        this.limit = new Limit(policy, RateLimit.Key.PRINCIPAL, SCOPE);
        this.exempt = List.copyOf(exempt);
        this.spentLog = new SpentBudgetLog(rate, summaryInterval.isZero() ? policy.window() : summaryInterval,
                clock);
    }

    /** True when a response with this status (and this marker) refused the request. */
    public static boolean isRefusal(int status, boolean markedRefused) {
        return REFUSALS.contains(status) || status == 404 && markedRefused;
    }

    /**
     * Lets the caller's request through, or throws the 429 problem (Retry-After and the RateLimit fields of the
     * budget) when the caller's budget is spent. Counts nothing.
     */
    public void admit(Caller caller) throws ProblemException {
        Limiter l = exempt(caller) ? null : limiter();
        if (l != null) {
            l.requireRemaining(limit, facts(caller));
        }
    }

    /** Charges one refused request to the caller, and names the caller in the log when this spent its budget. */
    public void charge(Caller caller) {
        Limiter l = exempt(caller) ? null : limiter();
        Decision d = l == null ? null : l.charge(limit, facts(caller));
        if (d != null && d.allowed() && d.remaining() == 0) {
            spentLog.spent(caller);
        }
    }

    /** An unverified caller from an exempt address; a verified one is budgeted by its subject wherever it is. */
    private boolean exempt(Caller caller) {
        if (exempt.isEmpty() || caller.verified()) {
            return false;
        }
        byte[] address = IpAddresses.parseNode(caller.clientAddress());
        return address != null && exempt.stream().anyMatch(block -> block.contains(address));
    }

    /** The limiter, or null once the application is stopping (its store is closed; the last requests pass). */
    private Limiter limiter() {
        try {
            return limiter.get();
        } catch (IllegalStateException stopping) {
            return null;
        }
    }

    private static Limiter.Facts facts(Caller caller) {
        return new Limiter.Facts(caller.clientAddress(), caller.subject(), name -> null);
    }
}
