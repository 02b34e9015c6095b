package dev.bulwark.internal.exposure.egress;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Secret-shaped values and the legitimate values next to them that must pass. */
final class Fixtures {

    private Fixtures() {
    }

    static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static final String JWS = b64url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "."
            + b64url("{\"sub\":\"alice\",\"scope\":\"orders:read\",\"exp\":1790000000}") + "."
            + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    static final String JWE = b64url("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}") + "."
            + "OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg"
            + ".48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A"
            + ".XFBoMYUZodetZdvTiFvSkQ";

    static final String PEM_RSA = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7"
            + "MhgHcTz6sE2I2yPB\n-----END RSA PRIVATE KEY-----\n";
    static final String AWS = "AKIAIOSFODNN7EXAMPLE";
    static final String GITHUB = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    static final String CARD = "4111 1111 1111 1111";

    /** Real-world values of JSON APIs that no detector may take for a secret. */
    static List<String> legitimate() {
        byte[] image = new byte[6000];
        new Random(42).nextBytes(image);
        return List.of(
                "123e4567-e89b-12d3-a456-426614174000",
                "2026-11-30T19:00:00.123456Z",
                "2026-11-30T19:00:00+01:00",
                "1234567890123456789",
                "8061234567890123",
                "+1 415 555 2671",
                "+44 20 7946 0958",
                "+49 30 123456789012",
                "(415) 555-2671",
                "DE89 3704 0044 0532 0130 00",
                "GB82 WEST 1234 5698 7654 32",
                "FR14 2004 1010 0505 0001 3M02 606",
                "NL91ABNA0417164300",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(image),
                Base64.getUrlEncoder().encodeToString(image),
                "a.b.c",
                "1.2.3",
                "v2.14.3-beta.1",
                "api.example.com",
                "eyes.on.the.road",
                "every.day.matters.more",
                "https://api.example.com/v1/orders?page=2&size=50",
                "alice.o'brien+orders@example.co.uk",
                "1234.56",
                "EUR 1,234,567.89",
                "مرحبا بالعالم، الطلب رقم ١٢٣٤٥",
                "\u202Bשלום עולם\u202C",
                "Ελληνικά κείμενα και 日本語のテキスト",
                "Order 4111111111111112 shipped", // fails Luhn
                "1234567812345670", // passes Luhn, no card scheme starts with 1
                "9999999999999995", // passes Luhn, no card scheme starts with 9
                "ord_4111111111111111",
                "INV-2026-000000000000017",
                "0.4111111111111111",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0",
                "An exception occurred while processing your order; please try again.",
                "Exception handling is described in the java.lang documentation.",
                "ValidationError: quantity must be positive",
                "urn:problem:com.acme.OutOfStockError",
                "Error: the syntax of the filter expression is not supported",
                "See section (3) of the terms (page 12)",
                "report-2026-11-30 (final).pdf",
                "SQL databases and NoSQL stores",
                "FLORA-12345 garden set",
                "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
                "AKIA is how AWS key ids start",
                "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
                "1.2.840.113549.1.1.11",
                "Version 2026.1130.1200.5",
                "10.0.0.1",
                "Price: 1\u00A0234,56\u00A0€",
                "Total 12\u202F345\u202F678 items",
                "4111.1111.1111.1112",
                "The relation between orders and customers does not exist yet",
                "Invalid object name: use letters and digits",
                "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2EAAAAD\n---- END SSH2 PUBLIC KEY ----",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBd user@host",
                "PuTTY is an SSH client",
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.");
    }
}
