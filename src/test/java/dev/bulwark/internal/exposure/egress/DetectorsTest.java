package dev.bulwark.internal.exposure.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.EgressAllowed;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Each detector on the values it must catch, and every detector on real-world values it must let through. */
class DetectorsTest {

    private final Detectors all = Detectors.all();

    private SecretShape find(String text) {
        char[] chars = text.toCharArray();
        return all.find(chars, chars.length, Chars.classesOf(chars, chars.length), 0);
    }

    @Test
    void compactJwsAndJweAnywhereInAString() {
        assertThat(find(Fixtures.JWS)).isEqualTo(SecretShape.JWS);
        assertThat(find("Bearer " + Fixtures.JWS)).isEqualTo(SecretShape.JWS);
        assertThat(find("token=" + Fixtures.JWS + "; Path=/")).isEqualTo(SecretShape.JWS);
        assertThat(find(Fixtures.b64url("{\"alg\":\"none\"}") + "." + Fixtures.b64url("{\"sub\":\"a\"}") + "."))
                .as("an unsigned token is a token").isEqualTo(SecretShape.JWS);
        assertThat(find(Fixtures.b64url("{ \"alg\" : \"HS256\" }") + ".eyJzdWIiOiJhIn0.c2ln"))
                .as("a header with spaces").isEqualTo(SecretShape.JWS);
        assertThat(find(Fixtures.JWE)).isEqualTo(SecretShape.JWE);
    }

    @Test
    void dottedValuesThatAreNotTokensPass() {
        assertThat(find("a.b.c")).isNull();
        assertThat(find("eyes.on.the.road.today.and.tomorrow")).isNull();
        assertThat(find(Fixtures.b64url("{\"typ\":\"JWT\",\"kid\":\"x\"}") + ".eyJzdWIiOiJhIn0.c2ln"))
                .as("a header without alg").isNull();
        assertThat(find(Fixtures.b64url("{\"alg\":\"RS256\"}") + ".eyJzdWIiOiJhIn0"))
                .as("two segments").isNull();
        assertThat(find(Fixtures.b64url("{\"alg\":\"RS256\"}") + ".a.b.c")).as("four segments").isNull();
        assertThat(find(Fixtures.b64url("{\"alg\":\"RSA-OAEP\"}") + ".a.b.c.d")).as("a JWE header names enc").isNull();
        assertThat(find("x" + Fixtures.JWS)).as("inside a longer word").isNull();
    }

    @Test
    void aTokenAtTheEndOfASentence() {
        assertThat(find("Your session token is " + Fixtures.JWS + ".")).isEqualTo(SecretShape.JWS);
        assertThat(find("Your session token is " + Fixtures.JWS + "...")).isEqualTo(SecretShape.JWS);
        assertThat(find("token: " + Fixtures.JWE + ". Keep it.")).isEqualTo(SecretShape.JWE);
        assertThat(find(Fixtures.b64url("{\"alg\":\"none\"}") + "." + Fixtures.b64url("{\"sub\":\"a\"}") + ".."))
                .as("an unsigned token ending a sentence").isEqualTo(SecretShape.JWS);
    }

    @Test
    void dottedWordsEndingASentencePass() {
        assertThat(find("Upgrade to version 1.2.3.")).isNull();
        assertThat(find("See api.example.com.")).isNull();
        assertThat(find("It costs 12.50...")).isNull();
        assertThat(find("eyes.on.the.road.")).isNull();
        assertThat(find(Fixtures.b64url("{\"alg\":\"RS256\"}") + "...")).as("one segment and dots").isNull();
        assertThat(find(Fixtures.b64url("{\"typ\":\"JWT\"}") + ".eyJzdWIiOiJhIn0.c2ln.")).as("no alg").isNull();
    }

    @Test
    void pemPrivateKeysOfEveryFlavour() {
        for (String label : new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY", "PGP PRIVATE KEY BLOCK"}) {
            assertThat(find("-----BEGIN " + label + "-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END " + label
                    + "-----")).as(label).isEqualTo(SecretShape.PEM_PRIVATE_KEY);
        }
        assertThat(find("{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIE\"}"))
                .as("a GCP service-account key file as a string").isEqualTo(SecretShape.PEM_PRIVATE_KEY);
        assertThat(find(Fixtures.PEM_RSA)).isEqualTo(SecretShape.PEM_PRIVATE_KEY);
    }

    @Test
    void publicKeysCertificatesAndDashedLinesPass() {
        assertThat(find("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----"))
                .isNull();
        assertThat(find("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----")).isNull();
        assertThat(find("----------------------------------- section -----")).isNull();
        assertThat(find("We never return a PRIVATE KEY in this API")).isNull();
    }

    @Test
    void wellKnownAccessKeys() {
        assertThat(find(Fixtures.AWS)).isEqualTo(SecretShape.AWS_ACCESS_KEY_ID);
        assertThat(find("aws_access_key_id=ASIAY34FZKBOKMUTVV7A")).isEqualTo(SecretShape.AWS_ACCESS_KEY_ID);
        assertThat(find("AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe")).isEqualTo(SecretShape.GOOGLE_API_KEY);
        assertThat(find("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey="
                + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
                + "EndpointSuffix=core.windows.net")).isEqualTo(SecretShape.AZURE_STORAGE_KEY);
        assertThat(find(Fixtures.GITHUB)).isEqualTo(SecretShape.GITHUB_TOKEN);
        assertThat(find("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"))
                .isEqualTo(SecretShape.GITHUB_TOKEN);
        assertThat(find("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"))
                .isEqualTo(SecretShape.SLACK_TOKEN);
        assertThat(find("sk_live_4eC39HqLyjWDarjtT1zdp7dc")).isEqualTo(SecretShape.STRIPE_SECRET_KEY);
        assertThat(find("rk_live_51H8abcdefGHIJKLmnop")).isEqualTo(SecretShape.STRIPE_SECRET_KEY);
    }

    @Test
    void prefixesInsideLongerWordsOrTooShortPass() {
        assertThat(find("AKIAIOSFODNN7EXAMPLE1")).as("21 characters").isNull();
        assertThat(find("XAKIAIOSFODNN7EXAMPLE")).isNull();
        assertThat(find("AKIAiosfodnn7example")).isNull();
        assertThat(find("ghp_tooShort")).isNull();
        assertThat(find("AccountKey=short")).isNull();
        assertThat(find("xoxb-1")).isNull();
        assertThat(find("sk_test_4eC39HqLyjWDarjtT1zdp7dc")).as("a Stripe test key").isNull();
        assertThat(find("ASIAPACIFICSOUTHEAST")).as("an upper-case word: no base32 digit")
                .isNull();
        assertThat(find("region ASIAPACIFIC0SOUTH1")).as("0 and 1 are not base32").isNull();
        assertThat(find("AKIA1234567890123456")).as("8, 9, 0, 1 are not base32").isNull();
    }

    @Test
    void cardNumbersOfRealSchemesPassingLuhn() {
        for (String card : new String[] {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111",
            "5555555555554444", "2223003122003222", "378282246310005", "3782 822463 10005", "6011111111111117",
            "3530111333300000", "30569309025904", "6200000000000005", "4222222222222"}) {
            assertThat(find(card)).as(card).isEqualTo(SecretShape.CARD_NUMBER);
            assertThat(find("paid with " + card + ".")).as(card).isEqualTo(SecretShape.CARD_NUMBER);
        }
    }

    @Test
    void numbersThatAreNotCardsPass() {
        assertThat(find("4111111111111112")).as("fails Luhn").isNull();
        assertThat(find(withCheckDigit("123456781234567"))).as("no scheme starts with 1").isNull();
        assertThat(find(withCheckDigit("411111111111111111111"))).as("22 digits").isNull();
        assertThat(find(withCheckDigit("378282246310000"))).as("an Amex prefix at 16 digits").isNull();
        assertThat(find("4111  1111 1111 1111")).as("two spaces split it in two short numbers").isNull();
        assertThat(find("+4111111111111111")).as("a phone number").isNull();
        assertThat(find("a4111111111111111")).isNull();
        assertThat(find("4111111111111111x")).isNull();
        assertThat(find("12.4111111111111111")).isNull();
        assertThat(find("4111111111111111.25")).isNull();
    }

    @Test
    void cardNumbersAfterACommaInCsvRowsAndLists() {
        assertThat(find("Ada,4111111111111111,12/28")).isEqualTo(SecretShape.CARD_NUMBER);
        assertThat(find("cards: 5555555555554444,4111111111111111")).isEqualTo(SecretShape.CARD_NUMBER);
        assertThat(find("id,card\n7,378282246310005\n")).isEqualTo(SecretShape.CARD_NUMBER);
    }

    @Test
    void commaSeparatedNumbersThatAreNotCardsPass() {
        assertThat(find("orders 4111111111111112,4111111111111113,5555555555554445")).as("fail Luhn").isNull();
        assertThat(find("1,234,567,890,123,456")).as("thousands").isNull();
        assertThat(find("3,1415926535897932")).as("a decimal comma").isNull();
        assertThat(find("Ada,1234567812345670,12/28")).as("no scheme starts with 1").isNull();
    }

    @Test
    void stackTraces() {
        assertThat(find("java.lang.NullPointerException: Cannot invoke \"String.length()\"")).isEqualTo(
                SecretShape.STACK_TRACE);
        assertThat(find("\tat com.foo.Bar.method(Bar.java:12)")).isEqualTo(SecretShape.STACK_TRACE);
        assertThat(find("at com.foo.Bar.lambda$run$0(Bar.kt:7)")).isEqualTo(SecretShape.STACK_TRACE);
        assertThat(find("at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)"))
                .isEqualTo(SecretShape.STACK_TRACE);
        assertThat(find("Exception in thread \"main\" something")).isEqualTo(SecretShape.STACK_TRACE);
        assertThat(find("wrapped; Caused by: TimeoutException (after 30 s)")).isEqualTo(SecretShape.STACK_TRACE);
        assertThat(find("failed: org.hibernate.LazyInitializationException")).isEqualTo(SecretShape.STACK_TRACE);
        assertThat(find("java.lang.OutOfMemoryError: Java heap space")).isEqualTo(SecretShape.STACK_TRACE);
        assertThat(find("Traceback (most recent call last):\n  File \"app.py\", line 3")).isEqualTo(
                SecretShape.STACK_TRACE);
    }

    @Test
    void errorWordsInOrdinaryTextPass() {
        assertThat(find("An exception occurred; please retry")).isNull();
        assertThat(find("ValidationError: quantity must be positive")).isNull();
        assertThat(find("urn:problem:com.acme.OutOfStockError")).isNull();
        assertThat(find("BusinessException raised by the rules engine")).isNull();
        assertThat(find("See section (3) of the terms")).isNull();
        assertThat(find("call format(value) to see it")).isNull();
    }

    @Test
    void sqlErrors() {
        for (String error : new String[] {"ERROR: syntax error at or near \"FROM\"",
            "ORA-00942: table or view does not exist", "SQLSTATE[42S02]: Base table or view not found",
            "You have an error in your SQL syntax; check the manual", "org.h2.jdbc.JdbcSQLSyntaxErrorException",
            "PSQLException: ERROR: relation \"users\" does not exist", "Incorrect syntax near 'WHERE'.",
            "SQLITE_ERROR: no such table: users"}) {
            assertThat(find(error)).as(error).isIn(SecretShape.SQL_ERROR, SecretShape.STACK_TRACE);
        }
        assertThat(find("ORA-00942: table or view does not exist")).isEqualTo(SecretShape.SQL_ERROR);
    }

    @Test
    void mysqlErrors() {
        assertThat(find("java.sql.SQLSyntaxErrorException: Unknown column 'emial' in 'field list'"))
                .isNotNull();
        assertThat(find("SQLSyntaxErrorException: bad grammar")).isEqualTo(SecretShape.SQL_ERROR);
        assertThat(find("MySQLSyntaxErrorException: bad grammar")).isEqualTo(SecretShape.SQL_ERROR);
        assertThat(find("Unknown column 'emial' in 'field list'")).isEqualTo(SecretShape.SQL_ERROR);
        assertThat(find("Unknown column 'o.total' in 'where clause'")).isEqualTo(SecretShape.SQL_ERROR);
    }

    @Test
    void mysqlWordsInOrdinaryTextPass() {
        assertThat(find("Unknown column: email")).isNull();
        assertThat(find("Unknown column 'email' in the CSV header")).isNull();
        assertThat(find("Unknown column")).isNull();
        assertThat(find("Unknown columns were ignored")).isNull();
        assertThat(find("The SQL syntax error page explains it")).isNull();
    }

    @Test
    void sqlWordsInOrdinaryTextPass() {
        assertThat(find("SQL databases and NoSQL stores")).isNull();
        assertThat(find("FLORA-12345 garden set")).isNull();
        assertThat(find("ORA-1234 is not an Oracle code")).isNull();
        assertThat(find("Please check the syntax of your request")).isNull();
    }

    @Test
    void cardNumbersGroupedWithDotsOrNoBreakSpaces() {
        for (String card : new String[] {"4111.1111.1111.1111", "3782.822463.10005", "4111\u00A01111\u00A01111\u00A01111",
            "5555\u202F5555\u202F5555\u202F4444", "4111\u20071111\u20071111\u20071111"}) {
            assertThat(find(card)).as(card).isEqualTo(SecretShape.CARD_NUMBER);
            assertThat(find("paid with " + card + ".")).as(card).isEqualTo(SecretShape.CARD_NUMBER);
        }
        // a byte stream keeps UTF-8 byte by byte: C2 A0 and E2 80 AF between the groups
        String nbspBytes = new String("4111\u00A01111\u00A01111\u00A01111".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(find(nbspBytes)).isEqualTo(SecretShape.CARD_NUMBER);
        String narrowBytes = new String("5555\u202F5555\u202F5555\u202F4444".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(find(narrowBytes)).isEqualTo(SecretShape.CARD_NUMBER);
    }

    @Test
    void dottedNumbersThatAreNotGroupedCardsPass() {
        assertThat(find("4111111111111111.25")).as("a decimal").isNull();
        assertThat(find("41.11.11.11.11.11.11.11")).as("not groups of four").isNull();
        assertThat(find("411.1111.1111.11111")).as("not groups of four").isNull();
        assertThat(find("1.2.840.113549.1.1.11")).as("an OID").isNull();
        assertThat(find("4111.1111.1111.1112")).as("fails Luhn").isNull();
        assertThat(find("1234.5678.1234.5670")).as("no scheme").isNull();
        assertThat(find("v4111.1111.1111.1111")).as("glued to a letter").isNull();
        assertThat(find("1\u00A0234\u00A0567\u00A0890\u00A0123\u00A0456")).as("thousands with no-break spaces")
                .isNull();
    }

    @Test
    void sshAndPuttyPrivateKeys() {
        assertThat(find("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
                + "-----END OPENSSH PRIVATE KEY-----")).isEqualTo(SecretShape.PEM_PRIVATE_KEY);
        assertThat(find("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key\"\nP2/56wAAA\n"
                + "---- END SSH2 ENCRYPTED PRIVATE KEY ----")).isEqualTo(SecretShape.SSH2_PRIVATE_KEY);
        assertThat(find("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20261130\n"
                + "Public-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIBd\nPrivate-Lines: 1\nAAAAIGjxI\nPrivate-MAC: 6f1e"))
                .isEqualTo(SecretShape.PUTTY_PRIVATE_KEY);
        assertThat(find("PuTTY-User-Key-File-2: ssh-rsa")).isEqualTo(SecretShape.PUTTY_PRIVATE_KEY);
    }

    @Test
    void sshPublicKeysAndPuttyWordsPass() {
        assertThat(find("---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"rsa-key-20261130\"\nAAAAB3NzaC1yc2EAAAAD\n"
                + "---- END SSH2 PUBLIC KEY ----")).isNull();
        assertThat(find("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBd user@host")).isNull();
        assertThat(find("Upload your PuTTY-User-Key-File- in the settings")).as("no version").isNull();
        assertThat(find("PuTTY User Key File format 3 is documented")).isNull();
    }

    @Test
    void postgresAndSqlServerObjectErrors() {
        assertThat(find("ERROR: relation \"users\" does not exist")).isEqualTo(SecretShape.SQL_ERROR);
        assertThat(find("relation \"public.order_lines\" does not exist at character 15"))
                .isEqualTo(SecretShape.SQL_ERROR);
        assertThat(find("Invalid object name 'dbo.Users'.")).isEqualTo(SecretShape.SQL_ERROR);
    }

    @Test
    void relationAndObjectWordsInOrdinaryTextPass() {
        assertThat(find("The relation between orders and customers does not exist yet")).isNull();
        assertThat(find("relation \"friend of a friend\" does not exist")).as("an API's own words, with spaces")
                .isNull();
        assertThat(find("Invalid object name: use letters and digits")).isNull();
        assertThat(find("Public relations \"team\" exists")).isNull();
    }

    @Test
    void realWorldValuesPassEveryDetector() {
        for (String value : Fixtures.legitimate()) {
            assertThat(find(value)).as(value.length() > 80 ? value.substring(0, 80) + "..." : value).isNull();
        }
    }

    @Test
    void onlyTheConfiguredKindsAndNotTheAllowedOnes() {
        Detectors cardsOnly = new Detectors(EnumSet.of(EgressAllowed.Kind.CARD_NUMBER));
        char[] jws = Fixtures.JWS.toCharArray();
        assertThat(cardsOnly.find(jws, jws.length, Chars.classesOf(jws, jws.length), 0)).isNull();
        int tokensAllowed = Detectors.mask(EnumSet.of(EgressAllowed.Kind.TOKEN));
        assertThat(all.find(jws, jws.length, Chars.classesOf(jws, jws.length), tokensAllowed)).isNull();
        char[] both = (Fixtures.JWS + " " + Fixtures.AWS).toCharArray();
        assertThat(all.find(both, both.length, Chars.classesOf(both, both.length), tokensAllowed))
                .isEqualTo(SecretShape.AWS_ACCESS_KEY_ID);
    }

    /** The digits with the Luhn check digit appended. */
    static String withCheckDigit(String digits) {
        int sum = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = digits.charAt(digits.length() - 1 - k) - '0';
            sum += k % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d; // doubled: every second from the check digit
        }
        return digits + (10 - sum % 10) % 10;
    }
}
