package dev.bulwark.it;

import java.util.Map;

/**
 * Secret-shaped values that an application can leak in a JSON response, one per kind the egress check knows (all
 * test values: the AWS key is AWS's documented example, the cards are the schemes' test numbers).
 */
public final class PlantedSecrets {

    /** A compact JWS: {"alg":"RS256","typ":"JWT"} . {"sub":"alice","exp":1790000000} . signature. */
    public static final String JWS = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTc5MDAwMDAwMH0"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    /** A compact JWE: {"alg":"RSA-OAEP-256","enc":"A256GCM"} and four more segments. */
    public static final String JWE = "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0"
            + ".OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9j"
            + ".48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A"
            + ".XFBoMYUZodetZdvTiFvSkQ";
    public static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AH"
            + "B7MhgHcTz6sE2I2yPB\naGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSByZWFsIGtleQ==\n-----END RSA PRIVATE KEY-----\n";
    public static final String AWS = "AKIAIOSFODNN7EXAMPLE";
    public static final String GITHUB = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    public static final String CARD = "4111 1111 1111 1111";
    public static final String STACK_TRACE = "java.lang.NullPointerException: Cannot invoke \"Order.total()\"\n"
            + "\tat com.acme.shop.OrderService.price(OrderService.java:87)\n"
            + "\tat com.acme.shop.OrderResource.get(OrderResource.java:31)";
    public static final String SQL_ERROR = "ORA-00942: table or view does not exist";

    /** Shapes the attack review of issue 14 saw leave (finding 9). */
    public static final String CARD_DOTS = "4111.1111.1111.1111";
    public static final String CARD_NBSP = "5555\u00A05555\u00A05555\u00A04444";
    public static final String PG_RELATION = "ERROR: relation \"app_users\" does not exist";
    public static final String MSSQL_OBJECT = "Invalid object name 'dbo.AppUsers'.";
    public static final String PUTTY = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"
            + "Comment: eddsa-key-20261130\nPrivate-Lines: 1\nAAAAIGjxIq8Wk0vNotARealKey\nPrivate-MAC: 6f1e";
    public static final String SSH2 = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nP2/56wAAAi4AAAA3aWYtbW9kbn\n"
            + "---- END SSH2 ENCRYPTED PRIVATE KEY ----";

    /** Each kind's value, by the name the endpoints take. */
    public static final Map<String, String> BY_KIND = Map.ofEntries(Map.entry("jws", JWS), Map.entry("jwe", JWE),
            Map.entry("pem", PEM), Map.entry("aws", AWS), Map.entry("github", GITHUB), Map.entry("card", CARD),
            Map.entry("stacktrace", STACK_TRACE), Map.entry("sql", SQL_ERROR), Map.entry("carddots", CARD_DOTS),
            Map.entry("cardnbsp", CARD_NBSP), Map.entry("pgrelation", PG_RELATION),
            Map.entry("mssql", MSSQL_OBJECT), Map.entry("putty", PUTTY), Map.entry("ssh2", SSH2));

    private PlantedSecrets() {
    }

    public static String of(String kind) {
        String value = BY_KIND.get(kind);
        if (value == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return value;
    }
}
