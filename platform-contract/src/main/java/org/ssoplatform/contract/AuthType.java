package org.ssoplatform.contract;

import java.util.Arrays;
import java.util.Optional;

/** The {@link Claims#AUTH_TYPE} claim: how the caller authenticated to the platform. */
public enum AuthType {

    /** A person who signed in (Google, GitHub, ...): a user JWT. */
    JWT,

    /** A token the gateway obtained in exchange for an API key. */
    API_KEY,

    /** A machine client using client credentials. */
    CLIENT;

    /** The authority every token of this type gets, so plain SpEL ({@code hasAuthority}) can test it too. */
    public String authority() {
        return "AUTH_TYPE_" + name();
    }

    /** Unknown or missing values give empty: such a token passes no auth-type restriction. */
    public static Optional<AuthType> fromClaim(Object claim) {
        return Arrays.stream(values()).filter(type -> type.name().equals(claim)).findFirst();
    }
}
