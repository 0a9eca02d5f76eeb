package org.ssoplatform.auth.apikey;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.shared.ApiProblem;

/**
 * GitHub's secret scanning reports keys it found in public places here. A machine calls it, so no token
 * and no CSRF: the signature over the raw body is the only authentication, checked before the body is read
 * as JSON.
 */
@RestController
@Tag(name = "Leaked-key reports", description = "Called by GitHub's secret-scanning partner program, not by "
        + "people: authenticated only by GitHub's ECDSA signature (platform.leak-reports.public-keys).")
class LeakReportController {

    static final String KEY_ID_HEADER = "GITHUB-PUBLIC-KEY-IDENTIFIER";

    static final String SIGNATURE_HEADER = "GITHUB-PUBLIC-KEY-SIGNATURE";

    private final LeakReportSignatures signatures;

    private final LeakedKeys leakedKeys;

    private final JsonMapper json;

    LeakReportController(LeakReportSignatures signatures, LeakedKeys leakedKeys, JsonMapper json) {
        this.signatures = signatures;
        this.leakedKeys = leakedKeys;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/api-keys/leaks", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Report leaked keys (GitHub secret scanning)", description = """
            A JSON list of `{token, type, url, source}` signed by GitHub. Each token that is one of this \
            platform's keys (current or rotated-out secret) is deactivated at once, every gateway refuses it \
            within a second, and the key's audit trail records `api_key.leaked` with the url and source. The \
            answer labels each token by its SHA-256: `true_positive` for a key of ours, else `false_positive`. \
            Missing, unknown-key or wrong signatures: 401, nothing changed; a signed but malformed list: 400; \
            over 64 KB: 413.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = LeakReport.class)))),
            responses = @ApiResponse(responseCode = "200", description = "One verdict per reported token, in order",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = LeakVerdict.class)))))
    List<LeakVerdict> report(
            @Parameter(description = "Which of GitHub's keys signed the report")
            @RequestHeader(name = KEY_ID_HEADER, required = false) String keyId,
            @Parameter(description = "Base64 of the ASN.1 DER ECDSA (P-256, SHA-256) signature of the raw body")
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        signatures.verify(keyId, signature, raw);
        return leakedKeys.handle(parse(raw));
    }

    private List<LeakReport> parse(byte[] body) {
        JsonNode list;
        try {
            list = json.readTree(body);
        }
        catch (JacksonException ex) {
            throw malformed("The report is not well-formed JSON in UTF-8.");
        }
        if (list == null || !list.isArray()) {
            throw malformed("The report must be a JSON list of {token, type, url, source}.");
        }
        List<LeakReport> reports = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode token = item.path("token");
            if (!item.isObject() || !token.isString() || token.asString().isEmpty()) {
                throw malformed("Report item " + reports.size() + " needs a non-empty string token.");
            }
            reports.add(new LeakReport(token.asString(), text(item, "type"), text(item, "url"), text(item, "source")));
        }
        return reports;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw malformed("Report field " + field + " must be a string.");
        }
        return value.asString();
    }

    private static RuntimeException malformed(String detail) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "malformed_report", detail);
    }
}
