package org.ssoplatform.resourceserver;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.security.core.AuthenticationException;
import org.ssoplatform.contract.AuthType;

/**
 * The token is valid but of a kind this endpoint does not take. An {@link AuthenticationException} on purpose:
 * the seed answers 401 here, and Spring Security routes these to the entry point rather than to the 403 handler.
 */
class WrongAuthTypeException extends AuthenticationException {

    WrongAuthTypeException(AuthType[] accepted) {
        super("This endpoint accepts only " + Arrays.stream(accepted).map(WrongAuthTypeException::describe)
            .collect(Collectors.joining(" or ")));
    }

    private static String describe(AuthType type) {
        return switch (type) {
            case JWT -> "a user JWT";
            case API_KEY -> "an API key";
            case CLIENT -> "a client-credentials token";
        };
    }
}
