package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveNamesTest {

    private final SensitiveNames names = SensitiveNames.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password", "PASSWORD", "password_hash", "passwordHash", "hashedPassword",
            "newPassword", "password2", "passwd", "passphrase", "secret", "clientSecret", "client_secret", "secretKey",
            "token", "accessToken", "access_token", "refresh_token", "id_token", "apiTokens", "apiKey", "api_key",
            "api-key", "x-api-key", "APIKey", "apikey", "API_KEY", "awsAccessKey", "privateKey", "private_key_pem",
            "credentials", "cardNumber", "card_number", "creditCardNumber", "cvv", "CVC", "ssn", "sessionId",
            "session_id", "user.password", "passwordNew", "passwordConfirmation", "password_confirm", "oldPassword",
            "pwd", "passwd", "pwdHash", "secretAnswer", "otp", "otpSeed", "otp_code", "socialSecurityNumber", "SSN"})
    void secretsAreCaughtWhateverTheirCaseAndSeparators(String name) {
        assertThat(names.sensitive(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordResetRequired", "password_changed_at", "passwordPolicy", "tokenType",
            "token_type", "tokenExpiresAt", "expires_in", "secretQuestion", "cardNumberLast4", "accessKeyId", "id",
            "name", "email", "classname", "possession", "tokenizer", "passage", "keyboard", "skipped", "scope",
            "assets", "lessons", "session", "publicKey", "ssnLast4", "secretary", "pwdResetRequired", "otpEnabled",
            "tokenExpiry", "socialSecurityNumberLast4", "secretQuestionId"})
    void legitimateNamesAreNot(String name) {
        assertThat(names.sensitive(name)).as(name).isFalse();
    }

    /** Names a real API returns on purpose: cursors, CSRF tokens, usage counts, flags, masked copies, push addresses. */
    static final List<String> LEGITIMATE_WITH_A_TERM = List.of(
            // pagination, continuation and sync cursors (Google, AWS, Azure, CalDAV/Graph)
            "nextPageToken", "pageToken", "NextToken", "next_token", "continuationToken", "syncToken", "deltaToken",
            "skipToken", "cursorToken", "resumeToken", "previousPageToken", "prevPageToken", "x-continuation-token",
            // CSRF tokens are handed to the page on purpose
            "csrfToken", "xsrfToken", "XSRF-TOKEN", "x-csrf-token", "_csrf_token", "antiForgeryToken",
            // LLM usage counts and rate-limit buckets
            "prompt_tokens", "completion_tokens", "total_tokens", "max_tokens", "input_tokens", "output_tokens",
            "cached_tokens", "reasoning_tokens", "maxOutputTokens", "promptTokens", "totalTokens", "bucketTokens",
            "remainingTokens", "availableTokens", "numSecrets", "secretCount", "numberOfTokens", "countOfSecrets",
            "maxPasswords", "numCredentials",
            // push addresses of devices
            "deviceToken", "pushToken", "fcmToken", "apnsToken", "device_token", "gcmToken",
            // flags about the secret
            "hasPassword", "showPassword", "hasOtp", "isPassword", "requiresOtp", "needsPassword", "hidePassword",
            "usePassword", "hasApiKey", "has_secret", "canResetPassword", "noPassword",
            // masked and partial copies
            "maskedCardNumber", "maskedPassword", "maskedSsn", "redactedApiKey", "masked_card_number",
            "obfuscatedSecret", "truncatedToken", "partialCardNumber", "last4CardNumber", "last4Ssn",
            "first6CardNumber", "passwordHint", "hintPassword",
            // key ids and metadata next to the new key terms
            "signingKeyId", "encryptionKeyId", "masterKeyId", "hmacKeyId", "signingKeyAlgorithm",
            "encryptionKeyArn", "masterKeyRotationEnabled", "keyboard", "sessionTimeout");

    /** Names that ARE the secret, some next to the words above: still caught. */
    static final List<String> SECRETS = List.of("accessToken", "refreshToken", "idToken", "bearerToken",
            "sessionToken", "authToken", "apiToken", "clientSecret", "oldPassword", "passwordHash", "privateKey",
            "cardNumber", "secretKey", "x_api_key", "x-api-key", "pageAccessToken", "nextAccessToken",
            "deviceAccessToken", "v2Token", "oauth2Token", "lastPassword", "previousPassword", "userPasswords",
            "apiTokens", "totalToken", "maxToken", "emailVerificationToken", "registrationToken", "previewToken",
            "newPassword", "confirmPassword", "webhookSecret", "user_password", "csrfSecret", "pageSecret", "deviceSecret", "syncPassword",
            // finding 9: session cookies and key names that left before
            "JSESSIONID", "jsessionid", "PHPSESSID", "phpsessid", "sessid", "JSessionId", "signingKey", "signing_key",
            "encryptionKey", "encryption_key", "hmacKey", "HMACKey", "hmac_key", "masterKey", "master_key",
            "privKey", "priv_key", "encryptionKeys", "dataEncryptionKey", "jwtSigningKey");

    static List<String> legitimateWithATerm() {
        return LEGITIMATE_WITH_A_TERM;
    }

    static List<String> secrets() {
        return SECRETS;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("legitimateWithATerm")
    void wordsBeforeATermThatNameAnotherThingMakeItLegitimate(String name) {
        assertThat(names.sensitive(name)).as(name).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("secrets")
    void wordsBeforeATermThatNameWhoseSecretItIsKeepItSensitive(String name) {
        assertThat(names.sensitive(name)).as(name).isTrue();
    }

    @Test
    void theQualifiersApplyToConfiguredTermsToo() {
        SensitiveNames own = new SensitiveNames(List.of("iban"), Set.of());
        assertThat(own.sensitive("customerIban")).isTrue();
        assertThat(own.sensitive("maskedIban")).isFalse();
        assertThat(own.sensitive("hasIban")).isFalse();
    }

    @Test
    void anAllowedNameLeavesAndOnlyThatOne() {
        SensitiveNames oauth = new SensitiveNames(SensitiveNames.DEFAULT_TERMS, Set.of("access_token"));
        assertThat(oauth.sensitive("access_token")).isFalse();
        assertThat(oauth.sensitive("accessToken")).isTrue();
        assertThat(oauth.sensitive("refresh_token")).isTrue();
    }

    @Test
    void configuredTermsReplaceTheDefaults() {
        SensitiveNames own = new SensitiveNames(List.of("iban", "tax id"), Set.of());
        assertThat(own.sensitive("iban")).isTrue();
        assertThat(own.sensitive("customerTaxId")).isTrue();
        assertThat(own.sensitive("password")).isFalse();
    }

    @Test
    void heldBackNamesAreMatchedByTheirWords() {
        SensitiveNames held = names.andExactly(Set.of("internalNote"));
        assertThat(held.sensitive("internal_note")).isTrue();
        assertThat(held.sensitive("internal-note")).isTrue();
        assertThat(held.sensitive("note")).isFalse();
    }

    @Test
    void attackerChosenMapKeysCannotFillTheMemoForGood() {
        SensitiveNames fresh = SensitiveNames.defaults();
        for (int i = 0; i < SensitiveNames.MEMO_SIZE * 3; i++) {
            assertThat(fresh.sensitive("k" + i)).isFalse();
        }
        assertThat(fresh.memoSize()).isLessThanOrEqualTo(SensitiveNames.MEMO_SIZE);
        assertThat(fresh.sensitive("clientSecret")).isTrue();
        assertThat(fresh.sensitive("tokenType")).isFalse();
    }

    @Test
    void aTermMustHaveALetterOrDigit() {
        assertThat(SensitiveNames.termProblem(" _- ")).isPresent();
        assertThat(SensitiveNames.termProblem("api key")).isEmpty();
    }
}
