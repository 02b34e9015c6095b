package dev.bulwark.ratelimit;

import dev.bulwark.api.RateLimit;
import dev.bulwark.errors.ProblemException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How many refused requests a client address may send ({@code bulwark.ratelimit.refused}): every response that
 * refuses the request, whichever layer made it, is charged to the address; once the budget is spent, every request
 * from the address is answered 429 before anything else runs, until the budget recovers (GCRA, like every limit).
 * Without it, a flood of bad tokens or bad input never meets a limit: those requests are refused before the
 * endpoint limits count anything. Counts live in the deployment's rate-limit store (memory or Redis), under their
 * own scope {@value #SCOPE}, per client address.
 */
public final class RefusalBudget {

    /** The scope (and policy name) of the budget's keys and RateLimit fields. */
    public static final String SCOPE = "refused";

    /**
     * Request attribute set by a Bulwark check whose refusal has a status that is not a refusal by itself: the 404
     * of the {@code @OwnedBy} check, which looks exactly like a missing object on purpose.
     */
    public static final String REFUSED_ATTRIBUTE = "dev.bulwark.refused";

    /**
     * Statuses that always mean "this request was refused": malformed, unauthenticated, forbidden, a method that is
     * not served, too large, an unsupported body type, oversized header fields. A 404 counts only when
     * {@link #REFUSED_ATTRIBUTE} says Bulwark's ownership check made it (a missing page is not an attack), 429 is
     * the budget's own answer, 5xx are the server's fault.
     */
    static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 405, 411, 413, 414, 415, 431);

    private final Supplier<Limiter> limiter;
    private final Limit limit;

    /**
     * @param limiter the deployment's limiter, asked for at first use (it is created once CDI is up)
     * @param rate    the budget, {@code count/duration}
     */
    public RefusalBudget(Supplier<Limiter> limiter, String rate) {
        this.limiter = limiter;
        this.limit = new Limit(RatePolicy.parse(SCOPE, rate), RateLimit.Key.IP, SCOPE);
    }

    /** True when a response with this status (and this marker) refused the request. */
    public static boolean isRefusal(int status, boolean markedRefused) {
        return REFUSALS.contains(status) || status == 404 && markedRefused;
    }

    /**
     * Lets the request through, or throws the 429 problem (Retry-After and the RateLimit fields of the budget) when
     * the address's budget is spent. Counts nothing.
     */
    public void admit(String clientAddress) throws ProblemException {
        Limiter l = limiter();
        if (l != null) {
            l.requireRemaining(limit, facts(clientAddress));
        }
    }

    /** Charges one refused request to the address. */
    public void charge(String clientAddress) {
        Limiter l = limiter();
        if (l != null) {
            l.charge(limit, facts(clientAddress));
        }
    }

    /** The limiter, or null once the application is stopping (its store is closed; the last requests pass). */
    private Limiter limiter() {
        try {
            return limiter.get();
        } catch (IllegalStateException stopping) {
            return null;
        }
    }

    private static Limiter.Facts facts(String clientAddress) {
        return new Limiter.Facts(clientAddress == null ? "unknown" : clientAddress, null, name -> null);
    }
}
