package org.ssoplatform.portal.api;

import java.util.Map;

/**
 * The management API refused a call: its RFC 9457 problem, read into what a person can be shown — one
 * message, and one per offending field where the API named them ({@code errors[].field}, snake_case).
 */
public class ApiException extends RuntimeException {

    private final int status;

    private final String code;

    private final Map<String, String> fieldErrors;

    public ApiException(int status, String code, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    /** The problem's {@code code} (e.g. {@code validation_failed}), or {@code null}. */
    public String code() {
        return code;
    }

    /** Messages by the API's field name. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
