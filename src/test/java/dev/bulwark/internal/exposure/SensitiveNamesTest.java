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
