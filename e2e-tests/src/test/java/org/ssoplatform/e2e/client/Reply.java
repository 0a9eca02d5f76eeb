package org.ssoplatform.e2e.client;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What a caller got back: status, headers and body, with the JSON body as a map. */
public record Reply(String request, int status, HttpHeaders headers, String body) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public Map<String, Object> json() {
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        }
        catch (RuntimeException ex) {
            throw new AssertionError("Not a JSON object: " + this, ex);
        }
    }

    public List<Object> jsonList() {
        try {
            return JSON.readValue(body, new TypeReference<List<Object>>() {
            });
        }
        catch (RuntimeException ex) {
            throw new AssertionError("Not a JSON array: " + this, ex);
        }
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The whole exchange, for failure messages. */
    @Override
    public String toString() {
        String shown = body.length() > 1500 ? body.substring(0, 1500) + "..." : body;
        return request + " -> " + status + " " + headers.map() + " " + shown;
    }
}
