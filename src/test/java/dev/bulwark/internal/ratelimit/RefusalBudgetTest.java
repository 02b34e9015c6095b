package dev.bulwark.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.LogCapture;
import dev.bulwark.MutableClock;
import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.errors.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefusalBudgetTest {

    private static final Duration SUMMARY = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.atEpochSecond(2_000_000);
    private final Limiter limiter = new Limiter(new InMemoryStore(100_000, clock), RateLimitMetrics.none(),
            "X-API-Key");
    private final RefusalBudget budget = new RefusalBudget(() -> limiter, "5/1m", List.of(), SUMMARY, clock);

    @RegisterExtension
    final LogCapture capture = new LogCapture("dev.bulwark.ratelimit");

    private List<String> warnings() {
        return capture.at(Level.WARNING);
    }

    private static Caller address(String address) {
        return Caller.address(address);
    }

    private static Caller verified(String address, String subject) {
        return new Caller(address, subject);
    }

    /** Charges five refusals to the caller (its whole budget, when it was whole). */
    private static void spend(RefusalBudget b, Caller caller) {
        for (int i = 0; i < 5; i++) {
            b.charge(caller);
        }
    }

    @Test
    void anAddressIsRefusedOnceItsRefusalsSpendTheBudgetAndRecoversOnTime() {
        spend(budget, address("203.0.113.7"));
        assertThatThrownBy(() -> budget.admit(address("203.0.113.7"))).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "12")
                            .containsEntry("RateLimit-Policy", "\"refused\";q=5;w=60")
                            .containsEntry("RateLimit", "\"refused\";r=0;t=12");
                });
        // answered 429 again and again: admitting counts nothing, so the wait does not grow
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> budget.admit(address("203.0.113.7"))).isInstanceOf(ProblemException.class);
        }
        // another address is not affected
        assertThatCode(() -> budget.admit(address("203.0.113.8"))).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> budget.admit(address("203.0.113.7"))).isInstanceOf(ProblemException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> budget.admit(address("203.0.113.7"))).doesNotThrowAnyException();
    }

    @Test
    void requestsThatAreNotRefusedCostNothing() {
        for (int i = 0; i < 1000; i++) {
            budget.admit(address("198.51.100.1"));
            budget.admit(verified("198.51.100.1", "alice"));
        }
        assertThatCode(() -> budget.admit(address("198.51.100.1"))).doesNotThrowAnyException();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void callersWithVerifiedTokensAreBudgetedBySubjectNotByTheAddressTheyShare() {
        String nat = "203.0.113.50";
        // a dashboard polling with a stale token behind an office NAT spends the address's budget
        spend(budget, address(nat));
        assertThatThrownBy(() -> budget.admit(address(nat))).as("anonymous requests from the NAT")
                .isInstanceOf(ProblemException.class);
        // Bob, behind the same NAT with a valid token, is his own caller
        assertThatCode(() -> budget.admit(verified(nat, "bob"))).doesNotThrowAnyException();

        // Alice, with a valid token but the wrong role, spends her own budget wherever she sends from
        for (int i = 0; i < 5; i++) {
            budget.charge(verified(i % 2 == 0 ? nat : "198.51.100.9", "alice"));
        }
        assertThatThrownBy(() -> budget.admit(verified(nat, "alice"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> budget.admit(verified("192.0.2.1", "alice"))).as("from another address too")
                .isInstanceOf(ProblemException.class);
        assertThatCode(() -> budget.admit(verified(nat, "bob"))).as("Bob still works").doesNotThrowAnyException();
        assertThatCode(() -> budget.admit(address("198.51.100.9"))).as("her refusals cost the address nothing")
                .doesNotThrowAnyException();
    }

    @Test
    void exemptAddressesAreNeverBudgetedButTheirVerifiedCallersAre() throws Exception {
        RefusalBudget withExempt = new RefusalBudget(() -> limiter, "5/1m",
                List.of(Cidr.parse("192.0.2.0/24"), Cidr.parse("2001:db8::/32")), SUMMARY, clock);
        for (int i = 0; i < 100; i++) {
            withExempt.charge(address("192.0.2.7"));
            withExempt.charge(address("2001:db8::7"));
        }
        assertThatCode(() -> withExempt.admit(address("192.0.2.7"))).as("an office NAT").doesNotThrowAnyException();
        assertThatCode(() -> withExempt.admit(address("2001:db8::7"))).doesNotThrowAnyException();
        assertThat(warnings()).as("nothing spent, nothing named").isEmpty();

        spend(withExempt, verified("192.0.2.7", "mallory"));
        assertThatThrownBy(() -> withExempt.admit(verified("192.0.2.7", "mallory")))
                .as("a verified caller is budgeted by its subject wherever it is").isInstanceOf(ProblemException.class);

        spend(withExempt, address("192.0.3.1"));
        assertThatThrownBy(() -> withExempt.admit(address("192.0.3.1"))).as("the next block is not exempt")
                .isInstanceOf(ProblemException.class);
        for (String notAnAddress : new String[] {"unknown", "_hidden", "192.0.2.300"}) {
            spend(withExempt, address(notAnAddress));
            assertThatThrownBy(() -> withExempt.admit(address(notAnAddress))).as(notAnAddress)
                    .isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void theCallerThatSpendsItsBudgetIsNamedOnceInOneWarningLine() {
        Caller office = address("203.0.113.7");
        spend(budget, office);
        assertThat(warnings()).singleElement().asString()
                .startsWith("Bulwark: client 203.0.113.7 spent its refusal budget (bulwark.ratelimit.refused=5/1m):"
                        + " its requests get 429 until the budget recovers")
                .contains("bulwark.ratelimit.refused-exempt");

        // knocking while spent, and refusals charged while spent, name nobody again
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> budget.admit(office)).isInstanceOf(ProblemException.class);
            budget.charge(office);
        }
        // recovered and spent again within the interval: still the one line
        clock.advance(Duration.ofSeconds(13));
        budget.admit(office);
        budget.charge(office);
        assertThatThrownBy(() -> budget.admit(office)).isInstanceOf(ProblemException.class);
        assertThat(warnings()).hasSize(1);

        // the next interval names it again when it spends its budget again
        clock.advance(SUMMARY);
        spend(budget, office);
        assertThat(warnings()).hasSize(2).last().asString().startsWith("Bulwark: client 203.0.113.7 spent");

        // a subject is named as such, its token text made safe
        spend(budget, verified("203.0.113.7", "al\u001b[2Jice\r\nWARNING forged"));
        assertThat(warnings()).hasSize(3).last().asString()
                .startsWith("Bulwark: subject 'al\\u001b[2Jice\\u000d\\u000aWARNING forged' spent its refusal"
                        + " budget (bulwark.ratelimit.refused=5/1m): requests with its verified tokens get 429")
                .doesNotContain("\n").doesNotContain("\u001b");
    }

    @Test
    void aFloodFromManyAddressesWritesABoundedNumberOfWarningLines() {
        for (int i = 0; i < 2000; i++) {
            spend(budget, address("10." + (i / 250) + "." + (i % 250) + ".1"));
        }
        assertThat(warnings()).as("named callers, then one line that says more are not named")
                .hasSize(SpentBudgetLog.MAX_NAMED + 1).last().asString()
                .startsWith("Bulwark: more than " + SpentBudgetLog.MAX_NAMED + " callers spent their refusal budget"
                        + " (bulwark.ratelimit.refused=5/1m) within 60s");
        clock.advance(SUMMARY);
        for (int i = 0; i < 2000; i++) {
            spend(budget, address("10.100." + (i / 250) + "." + (i % 250)));
        }
        assertThat(warnings()).as("the same bound in the next interval").hasSize(2 * (SpentBudgetLog.MAX_NAMED + 1));
    }

    @Test
    void withoutASummaryIntervalACallerIsNamedOncePerBudgetWindow() {
        RefusalBudget noSummary = new RefusalBudget(() -> limiter, "5/10m", List.of(), Duration.ZERO, clock);
        Caller caller = address("198.51.100.77");
        spend(noSummary, caller);
        clock.advance(Duration.ofMinutes(5)); // half the budget back
        spend(noSummary, caller);
        assertThat(warnings()).as("within ten minutes").hasSize(1);
        clock.advance(Duration.ofMinutes(6));
        spend(noSummary, caller);
        assertThat(warnings()).hasSize(2);
    }

    @Test
    void anApplicationThatIsStoppingLetsItsLastRequestsThrough() {
        RefusalBudget stopping = new RefusalBudget(() -> {
            throw new IllegalStateException("Bulwark: the application is stopping");
        }, "1/1m", List.of(), SUMMARY, clock);
        stopping.charge(address("203.0.113.9"));
        stopping.charge(address("203.0.113.9"));
        assertThatCode(() -> stopping.admit(address("203.0.113.9"))).doesNotThrowAnyException();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void refusalsAreTheRefusingStatusesAndOnlyBulwarksOwn404() {
        for (int status : new int[] {400, 401, 403, 405, 411, 413, 414, 415, 431, 501}) {
            assertThat(RefusalBudget.isRefusal(status, false)).as("%s", status).isTrue();
        }
        assertThat(RefusalBudget.isRefusal(404, true)).as("the 404 of an ownership refusal").isTrue();
        for (int status : new int[] {200, 201, 204, 301, 304, 404, 406, 409, 429, 500, 503}) {
            assertThat(RefusalBudget.isRefusal(status, false)).as("%s", status).isFalse();
        }
    }
}
