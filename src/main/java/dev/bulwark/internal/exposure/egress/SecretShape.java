package dev.bulwark.internal.exposure.egress;

import dev.bulwark.api.EgressAllowed;

/** What a detector found in an outgoing JSON string: the detector kind named in the log, and its {@link EgressAllowed.Kind}. */
public enum SecretShape {
    JWS(EgressAllowed.Kind.TOKEN),
    JWE(EgressAllowed.Kind.TOKEN),
    PEM_PRIVATE_KEY(EgressAllowed.Kind.PRIVATE_KEY),
    SSH2_PRIVATE_KEY(EgressAllowed.Kind.PRIVATE_KEY),
    PUTTY_PRIVATE_KEY(EgressAllowed.Kind.PRIVATE_KEY),
    AWS_ACCESS_KEY_ID(EgressAllowed.Kind.API_KEY),
    GOOGLE_API_KEY(EgressAllowed.Kind.API_KEY),
    AZURE_STORAGE_KEY(EgressAllowed.Kind.API_KEY),
    GITHUB_TOKEN(EgressAllowed.Kind.API_KEY),
    SLACK_TOKEN(EgressAllowed.Kind.API_KEY),
    STRIPE_SECRET_KEY(EgressAllowed.Kind.API_KEY),
    CARD_NUMBER(EgressAllowed.Kind.CARD_NUMBER),
    STACK_TRACE(EgressAllowed.Kind.STACK_TRACE),
    SQL_ERROR(EgressAllowed.Kind.SQL_ERROR);

    private final EgressAllowed.Kind kind;

    SecretShape(EgressAllowed.Kind kind) {
        this.kind = kind;
    }

    /** The kind an endpoint names to be allowed to return it. */
    public EgressAllowed.Kind kind() {
        return kind;
    }
}
