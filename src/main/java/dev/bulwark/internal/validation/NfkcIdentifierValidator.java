package dev.bulwark.internal.validation;

import dev.bulwark.api.NfkcIdentifier;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NfkcIdentifier}. */
public final class NfkcIdentifierValidator implements ConstraintValidator<NfkcIdentifier, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return Identifiers.isNormalized(value);
    }
}
