package dev.bulwark.internal.auth;

import static dev.bulwark.internal.auth.TokenPolicyTest.NOW;
import static dev.bulwark.internal.auth.TokenPolicyTest.claims;
import static dev.bulwark.internal.auth.TokenPolicyTest.jwt;
import static dev.bulwark.internal.auth.TokenPolicyTest.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The token gate with its cache of tokens the container verified: a kept token is not read again, but every check
 * still runs on it, and only verified tokens are kept.
 */
class TokenGateTest {

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    private final InMemoryTokenDenyList denyList = new InMemoryTokenDenyList(10, clock);
    private final VerifiedTokens verified = new VerifiedTokens(3);
    private final TokenGate gate = new TokenGate(new TokenPolicy(jwt()), denyList, null, clock, verified);

    @Test
    void aTokenIsKeptOnlyOnceTheContainerVerifiedIt() throws Exception {
        String t = token(HEADER, claims());
        RawToken first = gate.admit(t);
        assertThat(verified.size()).as("admitted, not yet verified by the container").isZero();
        assertThat(gate.admit(t)).isNotSameAs(first);

        gate.confirm(first);
        assertThat(verified.size()).isEqualTo(1);
        RawToken again = gate.admit(new String(t.toCharArray()));
        assertThat(again).as("the same text, read once").isSameAs(first);
        gate.confirm(again);
        assertThat(verified.size()).isEqualTo(1);
        assertThat(gate.admit(t)).isSameAs(first);
    }

    @Test
    void onlyTheExactTextHits() throws Exception {
        String t = token(HEADER, claims());
        gate.confirm(gate.admit(t));
        String otherSignature = t.substring(0, t.lastIndexOf('.') + 1) + "b3RoZXI";
        assertThat(gate.admit(otherSignature).compact()).isEqualTo(otherSignature);
        assertThat(gate.admit(otherSignature)).isNotSameAs(gate.admit(t));
    }

    @Test
    void aKeptTokenIsStillCheckedForTimeAndDenyList() throws Exception {
        String t = token(HEADER, claims("jti", "\"t-7\""));
        gate.confirm(gate.admit(t));

        denyList.deny("t-7", Instant.ofEpochSecond(NOW + 600));
        assertThatThrownBy(() -> gate.admit(t)).isInstanceOf(TokenRejected.class).hasMessageContaining("deny-list");

        String u = token(HEADER, claims("jti", "\"t-8\""));
        gate.confirm(gate.admit(u));
        clock.advance(Duration.ofSeconds(600 + 61)); // past exp and the 60 s clock skew
        assertThatThrownBy(() -> gate.admit(u)).isInstanceOf(TokenRejected.class).hasMessage("expired");
        assertThat(verified.get(u, clock.instant())).as("gone with its exp").isNull();
    }

    /**
     * The credential scan skips the character check for a text the gate read before: only the exact text of a kept
     * token (a strict compact JWS) qualifies, never a look-alike, and being read before decides nothing else.
     */
    @Test
    void readBeforeIsTheExactTextOfAKeptTokenOnly() throws Exception {
        String t = token(HEADER, claims("jti", "\"t-9\""));
        RawToken admitted = gate.admit(t);
        assertThat(gate.readBefore(t)).as("admitted, not verified by the container").isFalse();
        gate.confirm(admitted);
        assertThat(gate.readBefore(new String(t.toCharArray()))).isTrue();
        assertThat(gate.readBefore(t + " ")).isFalse();
        assertThat(gate.readBefore(t + "=")).isFalse();
        assertThat(gate.readBefore(t.substring(1))).isFalse();

        denyList.deny("t-9", Instant.ofEpochSecond(NOW + 600));
        assertThat(gate.readBefore(t)).as("well-formed still").isTrue();
        assertThatThrownBy(() -> gate.admit(t)).as("and still refused").isInstanceOf(TokenRejected.class)
                .hasMessageContaining("deny-list");

        TokenGate noCache = new TokenGate(new TokenPolicy(jwt()), denyList, null, clock, new VerifiedTokens(0));
        noCache.confirm(noCache.admit(token(HEADER, claims())));
        assertThat(noCache.readBefore(token(HEADER, claims()))).isFalse();
    }

    @Test
    void theCacheStaysWithinItsCapacity() throws Exception {
        for (int i = 0; i < 20; i++) {
            gate.confirm(gate.admit(token(HEADER, claims("jti", "\"t-" + i + "\""))));
            assertThat(verified.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void expiredEntriesLeaveFirstWhenFull() throws Exception {
        String shortLived = token(HEADER, claims("jti", "\"s\"", "exp", Long.toString(NOW + 30)));
        gate.confirm(gate.admit(shortLived));
        String a = token(HEADER, claims("jti", "\"a\""));
        String b = token(HEADER, claims("jti", "\"b\""));
        gate.confirm(gate.admit(a));
        gate.confirm(gate.admit(b));
        clock.advance(Duration.ofSeconds(31));
        RawToken c = gate.admit(token(HEADER, claims("jti", "\"c\"")));
        gate.confirm(c);
        assertThat(verified.size()).isEqualTo(3);
        assertThat(verified.get(a, clock.instant())).isNotNull();
        assertThat(verified.get(b, clock.instant())).isNotNull();
        assertThat(verified.get(c.compact(), clock.instant())).isSameAs(c);
    }

    /** A token whose read form would weigh more than 24 KB is not kept: the cache's memory has a ceiling. */
    @Test
    void aTokenTooHeavyToKeepIsCheckedButNotKept() throws Exception {
        StringBuilder arrays = new StringBuilder();
        for (int a = 0; a < 22; a++) {
            arrays.append(",\"x").append(a).append("\":[");
            for (int i = 0; i < 250; i++) {
                arrays.append(i == 0 ? "" : ",").append(i % 10);
            }
            arrays.append(']');
        }
        String claims = claims();
        String heavy = token(HEADER, claims.substring(0, claims.length() - 1) + arrays + "}");
        assertThat(heavy.length()).isLessThan(RawToken.MAX_LENGTH);
        RawToken raw = gate.admit(heavy);
        gate.confirm(raw);
        assertThat(VerifiedTokens.weight(raw)).isGreaterThan(VerifiedTokens.MAX_WEIGHT);
        assertThat(verified.size()).isZero();

        RawToken usual = gate.admit(token(HEADER, claims("jti", "\"usual\"")));
        gate.confirm(usual);
        assertThat(VerifiedTokens.weight(usual)).isLessThan(VerifiedTokens.MAX_WEIGHT);
        assertThat(verified.size()).isEqualTo(1);
    }

    @Test
    void capacityZeroKeepsNothing() throws Exception {
        VerifiedTokens none = new VerifiedTokens(0);
        TokenGate g = new TokenGate(new TokenPolicy(jwt()), denyList, null, clock, none);
        String t = token(HEADER, claims());
        g.confirm(g.admit(t));
        assertThat(none.size()).isZero();
        assertThat(g.admit(t)).isNotNull();
    }
}
