package org.ssoplatform.portal.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;

/**
 * The "register a client" form as submitted: URIs one a line, scopes separated by spaces. auth-server validates
 * it; the page shows its refusals next to the fields.
 */
public class ClientForm {

    private String clientId = "";

    private String name = "";

    private String type = "confidential";

    private List<String> grantTypes = new ArrayList<>();

    private String scopes = "";

    private String redirectUris = "";

    private String postLogoutRedirectUris = "";

    private boolean requireConsent = true;

    /** The API's request body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (StringUtils.hasText(clientId)) {
            body.put("client_id", clientId.trim());
        }
        body.put("name", name == null ? "" : name.trim());
        body.put("type", type);
        body.put("grant_types", grantTypes);
        body.put("scopes", split(scopes, "\\s+"));
        body.put("redirect_uris", split(redirectUris, "\\R"));
        body.put("post_logout_redirect_uris", split(postLogoutRedirectUris, "\\R"));
        body.put("require_consent", requireConsent);
        return body;
    }

    private static List<String> split(String text, String separator) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).map(String::trim).filter(StringUtils::hasText).distinct().toList();
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public List<String> getGrantTypes() {
        return grantTypes;
    }

    public void setGrantTypes(List<String> grantTypes) {
        this.grantTypes = grantTypes == null ? new ArrayList<>() : grantTypes;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public String getPostLogoutRedirectUris() {
        return postLogoutRedirectUris;
    }

    public void setPostLogoutRedirectUris(String postLogoutRedirectUris) {
        this.postLogoutRedirectUris = postLogoutRedirectUris;
    }

    public boolean isRequireConsent() {
        return requireConsent;
    }

    public void setRequireConsent(boolean requireConsent) {
        this.requireConsent = requireConsent;
    }
}
