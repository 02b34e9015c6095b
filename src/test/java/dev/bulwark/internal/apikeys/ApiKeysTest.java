package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.ratelimit.Limiter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryStore store = new MemoryStore();
    private final ApiKeyFormat format = new ApiKeyFormat("bwk");
    private final KeyHasher hasher = new KeyHasher(KeyHasherTest.PEPPER, null);
    private final ApiKeys keys = new ApiKeys(format, store, () -> hasher, clock, Duration.ofSeconds(5),
            Duration.ofDays(90), "scope", null);
    private final SecureRandom random = new SecureRandom();

    /** Issues a key the way the tool does and returns it (the store keeps its hash only). */
    private String issue(String owner, Set<String> roles, Set<String> scopes, Duration life, String rate) {
        ApiKeyFormat.NewKey k = format.generate(random);
        store.save(new ApiKeyRecord(k.id(), hasher.hash(k.key()), owner, "billing-batch", roles, scopes,
                clock.instant(), clock.instant().plus(life), null, rate));
        return k.key();
    }

    @Test
    void aKeyAuthenticatesItsOwnerWithItsRolesAndScopes() {
        String key = issue("svc-billing", Set.of("user", "reports"), Set.of("items:read", "items:write"),
                Duration.ofDays(30), "10/1m");
        ApiKeys.Verified v = (ApiKeys.Verified) keys.authenticate(key);
        RawToken caller = v.caller();
        assertThat(ApiKeys.isKeyCaller(caller)).isTrue();
        assertThat(Limiter.subject(caller.claims())).isEqualTo("svc-billing");
        assertThat(Scopes.groups(caller.claims())).containsExactlyInAnyOrder("user", "reports");
        assertThat(Scopes.of(caller.claims(), "scope")).containsExactlyInAnyOrder("items:read", "items:write");
        assertThat(caller.claims().getString("client_id")).isEqualTo("billing-batch");
        assertThat(caller.compact()).doesNotContain(key.substring(16)).isEqualTo("api-key " + v.key().id());
        assertThat(v.limit().limit()).isEqualTo(10);
        assertThat(v.limit().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(v.limits()).singleElement().satisfies(l -> {
            assertThat(l.policy()).isEqualTo(v.limit());
            assertThat(l.scope()).isEqualTo("api-key");
        });
        assertThat(((ApiKeys.Verified) keys.authenticate(key)).limits()).as("made once per store read")
                .isSameAs(v.limits());
    }

    @Test
    void aTypoIsRefusedBeforeAnyLookUp() {
        String key = issue("svc", Set.of("user"), Set.of(), Duration.ofDays(1), null);
        String typo = key.substring(0, 20) + (key.charAt(20) == 'x' ? 'y' : 'x') + key.substring(21);
        assertThat(keys.authenticate(typo)).isInstanceOf(ApiKeys.Refused.class);
        assertThat(keys.authenticate("Bearer " + key)).isInstanceOf(ApiKeys.Refused.class);
        assertThat(keys.authenticate("bwk_" + "A".repeat(50))).isInstanceOf(ApiKeys.Refused.class);
        assertThat(store.finds.get()).isZero();
    }

    @Test
    void theRightPrefixAndIdWithAnotherSecretIsRefused() {
        String key = issue("svc", Set.of("user"), Set.of(), Duration.ofDays(1), null);
        String other = format.generate(random).key();
        // the victim's id with another (well-formed, check-summed) secret
        String forged = key.substring(0, 16) + other.substring(16, 48);
        forged = forged + ApiKeyFormat.checksum(forged);
        assertThat(format.idOf(forged)).isEqualTo(key.substring(4, 16));
        ApiKeys.Outcome o = keys.authenticate(forged);
        assertThat(o).isInstanceOf(ApiKeys.Refused.class);
        assertThat(((ApiKeys.Refused) o).reason()).contains("does not match").doesNotContain(forged.substring(16));
    }

    @Test
    void aKeyHashedUnderAnotherPepperIsRefused() {
        ApiKeyFormat.NewKey k = format.generate(random);
        store.save(new ApiKeyRecord(k.id(), new KeyHasher(KeyHasherTest.OTHER_PEPPER, null).hash(k.key()), "svc",
                "c", Set.of(), Set.of(), T0, T0.plus(Duration.ofDays(1)), null, null));
        assertThat(keys.authenticate(k.key())).isInstanceOf(ApiKeys.Refused.class);
    }

    @Test
    void unknownExpiredAndRevokedKeysAreRefusedWithReasonsThatNeverHoldTheKey() {
        String unknown = format.generate(random).key();
        String expiring = issue("svc", Set.of(), Set.of(), Duration.ofHours(1), null);
        String revoked = issue("svc", Set.of(), Set.of(), Duration.ofDays(1), null);
        String id = format.idOf(revoked);
        store.save(store.keys.get(id).revoked(T0));
        clock.advance(Duration.ofHours(1));
        for (String key : new String[] {unknown, expiring, revoked}) {
            ApiKeys.Outcome o = keys.authenticate(key);
            assertThat(o).isInstanceOf(ApiKeys.Refused.class);
            assertThat(((ApiKeys.Refused) o).reason()).doesNotContain(key).doesNotContain(key.substring(16, 48));
        }
        assertThat(((ApiKeys.Refused) keys.authenticate(unknown)).reason()).startsWith("unknown API key id");
        assertThat(((ApiKeys.Refused) keys.authenticate(expiring)).reason()).contains("expired");
        assertThat(((ApiKeys.Refused) keys.authenticate(revoked)).reason()).contains("revoked");
    }

    @Test
    void aRevocationStampedByAMachineWhoseClockIsAheadStillRevokes() {
        String key = issue("svc", Set.of(), Set.of(), Duration.ofDays(1), null);
        // the tool ran on a machine an hour ahead of this server
        store.save(store.keys.get(format.idOf(key)).revoked(clock.instant().plus(Duration.ofHours(1))));
        assertThat(keys.authenticate(key)).isInstanceOf(ApiKeys.Refused.class);
    }

    @Test
    void aRevocationIsSeenOnceTheCachedRecordIsOlderThanTheTtl() {
        String key = issue("svc", Set.of(), Set.of(), Duration.ofDays(1), null);
        assertThat(keys.authenticate(key)).isInstanceOf(ApiKeys.Verified.class);
        String id = format.idOf(key);
        store.save(store.keys.get(id).revoked(clock.instant())); // another server (or the tool) revokes it
        clock.advance(Duration.ofSeconds(4));
        assertThat(keys.authenticate(key)).as("within the cache TTL").isInstanceOf(ApiKeys.Verified.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.authenticate(key)).isInstanceOf(ApiKeys.Refused.class);
        assertThat(store.finds.get()).isEqualTo(2);
    }

    @Test
    void aNewKeyIsFoundOnceANegativeLookUpExpires() {
        ApiKeyFormat.NewKey k = format.generate(random);
        assertThat(keys.authenticate(k.key())).isInstanceOf(ApiKeys.Refused.class);
        store.save(new ApiKeyRecord(k.id(), hasher.hash(k.key()), "svc", "c", Set.of(), Set.of(), T0,
                T0.plus(Duration.ofDays(1)), null, null));
        clock.advance(Duration.ofSeconds(5));
        assertThat(keys.authenticate(k.key())).isInstanceOf(ApiKeys.Verified.class);
    }

    @Test
    void twoKeysOfOneClientWorkDuringARotation() {
        String old = issue("svc", Set.of("user"), Set.of(), Duration.ofDays(90), null);
        clock.advance(Duration.ofDays(80));
        String fresh = issue("svc", Set.of("user"), Set.of(), Duration.ofDays(90), null);
        String oldId = format.idOf(old);
        store.save(store.keys.get(oldId).expiring(clock.instant().plus(Duration.ofDays(7))));
        assertThat(keys.authenticate(old)).isInstanceOf(ApiKeys.Verified.class);
        assertThat(keys.authenticate(fresh)).isInstanceOf(ApiKeys.Verified.class);
        clock.advance(Duration.ofDays(7));
        assertThat(keys.authenticate(old)).isInstanceOf(ApiKeys.Refused.class);
        assertThat(keys.authenticate(fresh)).isInstanceOf(ApiKeys.Verified.class);
    }

    @Test
    void aStoreOutageIsUnavailableNeverAPass() {
        String key = issue("svc", Set.of(), Set.of(), Duration.ofDays(1), null);
        store.down = true;
        assertThat(keys.authenticate(key)).isInstanceOf(ApiKeys.Unavailable.class);
    }

    @Test
    void keysPastTheMaximumAgeAreFlagged() {
        issue("svc", Set.of(), Set.of(), Duration.ofDays(400), null);
        String revoked = issue("svc", Set.of(), Set.of(), Duration.ofDays(400), null);
        store.save(store.keys.get(format.idOf(revoked)).revoked(T0));
        assertThat(keys.overAge()).isEmpty();
        clock.advance(Duration.ofDays(90));
        assertThat(keys.overAge()).singleElement().asString().contains("90 days old").contains("rotate")
                .doesNotContain(format.idOf(revoked));
    }

    /** A key made for these audiences (none: as keys were made before audiences existed). */
    private String issueFor(String... audiences) {
        ApiKeyFormat.NewKey k = format.generate(random);
        store.save(new ApiKeyRecord(k.id(), hasher.hash(k.key()), "svc", "c", Set.of("user"), Set.of(), T0,
                T0.plus(Duration.ofDays(1)), null, null, Set.of(audiences)));
        return k.key();
    }

    private ApiKeys server(String audience) {
        return new ApiKeys(format, store, () -> hasher, clock, Duration.ZERO, Duration.ofDays(90), "scope", audience);
    }

    @Test
    void aServerWithAnAudienceAcceptsOnlyKeysMadeForIt() {
        String billing = issueFor("billing-api");
        String both = issueFor("billing-api", "orders-api");
        String orders = issueFor("orders-api");
        String none = issueFor();
        ApiKeys billingServer = server("billing-api");
        assertThat(billingServer.authenticate(billing)).isInstanceOf(ApiKeys.Verified.class);
        assertThat(billingServer.authenticate(both)).isInstanceOf(ApiKeys.Verified.class);
        // a valid key of another audience: refused like any bad key, the reason names audiences, never the key
        ApiKeys.Outcome other = billingServer.authenticate(orders);
        assertThat(other).isInstanceOf(ApiKeys.Refused.class);
        assertThat(((ApiKeys.Refused) other).reason()).contains(format.idOf(orders))
                .contains("the key's: orders-api").contains("this server's: billing-api")
                .doesNotContain(orders.substring(16));
        // a key made without an audience (as before audiences existed) is no key for a server that has one
        assertThat(((ApiKeys.Refused) billingServer.authenticate(none)).reason()).contains("the key's: none");
    }

    @Test
    void aServerWithoutAnAudienceAcceptsOnlyKeysWithoutOne() {
        ApiKeys anyServer = server(null);
        assertThat(anyServer.authenticate(issueFor())).isInstanceOf(ApiKeys.Verified.class);
        ApiKeys.Outcome restricted = anyServer.authenticate(issueFor("billing-api"));
        assertThat(restricted).isInstanceOf(ApiKeys.Refused.class);
        assertThat(((ApiKeys.Refused) restricted).reason()).contains("this server's: none");
    }

    @Test
    void aKeyOfAnotherAudienceWithAWrongSecretIsRefusedForTheSecret() {
        String orders = issueFor("orders-api");
        String other = format.generate(random).key();
        String forged = orders.substring(0, 16) + other.substring(16, 48);
        forged = forged + ApiKeyFormat.checksum(forged);
        assertThat(((ApiKeys.Refused) server("billing-api").authenticate(forged)).reason())
                .contains("does not match");
    }
}
