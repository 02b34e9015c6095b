package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Legitimate payloads whose names hold a sensitive-looking word (ExposureIT): an LLM usage report and a page of
 * results with its cursors, a CSRF token, push addresses, flags and masked copies. Every one of these names must
 * arrive; the secrets planted next to them (an access token, a session cookie, a signing key) must not.
 */
@PermitAll
@Path("/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    /** An LLM API's usage block, as a declared type (its names are record components). */
    public record Usage(int prompt_tokens, int completion_tokens, int total_tokens, int max_tokens,
                        int input_tokens, int output_tokens) {
    }

    /** A completion with its usage and the cursors of the next page, as a declared type. */
    public record Completion(String model, Usage usage, String nextPageToken, String pageToken, String NextToken,
                             String continuationToken, String syncToken, String csrfToken, String xsrfToken,
                             String deviceToken, String pushToken, String fcmToken, boolean hasPassword,
                             boolean showPassword, boolean hasOtp, String maskedCardNumber, String maskedPassword,
                             String maskedSsn, int numSecrets, int bucketTokens, String accessToken,
                             String signingKey) {
    }

    @GET
    @Path("/completion")
    public Completion completion() {
        return new Completion("m-large-2026", new Usage(1200, 345, 1545, 4096, 1200, 345), "CAUQAA",
                "CBQQAA", "eyJvZmZzZXQiOjQwfQ", "1!20!MDAwMDI4", "sync-5f0c", "c29tZS1jc3JmLXZhbHVl",
                "x-4f1e9a", "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad",
                "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]", "dQw4w9WgXcQ:APA91bExampleRegistrationId", true, false,
                true, "**** **** **** 4242", "********", "***-**-6789", 3, 17, "ACCESS-TOKEN-SECRET-1",
                "SIGNING-KEY-SECRET-1");
    }

    /** The same names as map keys at several depths, with the secrets planted next to them. */
    @GET
    @Path("/page")
    public Map<String, Object> page() {
        Map<String, Object> usage = new LinkedHashMap<>();
        for (String name : List.of("prompt_tokens", "completion_tokens", "total_tokens", "max_tokens",
                "numSecrets", "bucketTokens")) {
            usage.put(name, 7);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", List.of(Map.of("id", "it-1", "maskedCardNumber", "**** 4242", "hasPassword", true)));
        for (String name : List.of("nextPageToken", "pageToken", "NextToken", "continuationToken", "syncToken",
                "csrfToken", "xsrfToken", "deviceToken", "pushToken", "fcmToken", "maskedPassword", "maskedSsn")) {
            page.put(name, "v-" + name.length());
        }
        page.put("showPassword", false);
        page.put("hasOtp", true);
        page.put("usage", usage);
        page.put("refreshToken", "REFRESH-TOKEN-SECRET-1");
        page.put("JSESSIONID", "SESSION-SECRET-1");
        page.put("PHPSESSID", "SESSION-SECRET-2");
        page.put("encryptionKey", "ENCRYPTION-KEY-SECRET-1");
        page.put("hmacKey", "HMAC-KEY-SECRET-1");
        page.put("masterKey", "MASTER-KEY-SECRET-1");
        page.put("privKey", "PRIV-KEY-SECRET-1");
        return page;
    }
}
