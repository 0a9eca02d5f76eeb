package org.ssoplatform.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.ssoplatform.gateway.support.SharedGateway;

/**
 * The management API's documentation is read through the gateway, without credentials: Swagger UI,
 * its OAuth redirect page, ReDoc and the OpenAPI document come from auth-server. Nothing else of
 * auth-server's becomes public by it.
 */
class ApiDocsRouteTests extends SharedGateway {

    @Test
    void everyDocumentationPathReachesAuthServerWithoutACredential() {
        STAND_INS.authServer.stubFor(get("/docs").willReturn(aResponse().withStatus(302)
            .withHeader("Location", "/swagger-ui/index.html")));
        STAND_INS.authServer.stubFor(get("/v3/api-docs").willReturn(okJson("{\"openapi\":\"3.1.0\"}")));
        for (String path : new String[] { "/swagger-ui/index.html", "/swagger-ui/oauth2-redirect.html", "/redoc",
                "/webjars/redoc/bundles/redoc.standalone.js", "/v3/api-docs/swagger-config" }) {
            STAND_INS.authServer.stubFor(get(path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("from auth-server " + path)));
        }

        client().get().uri("/docs").exchange()
            .expectStatus().isFound().expectHeader().location("/swagger-ui/index.html");
        client().get().uri("/v3/api-docs").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");
        for (String path : new String[] { "/swagger-ui/index.html", "/swagger-ui/oauth2-redirect.html", "/redoc",
                "/webjars/redoc/bundles/redoc.standalone.js", "/v3/api-docs/swagger-config" }) {
            client().get().uri(path).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("from auth-server " + path);
            assertThat(STAND_INS.authServer.findAll(getRequestedFor(urlPathEqualTo(path)))).as(path).isNotEmpty();
        }
    }

    @Test
    void otherAuthServerPathsStayBehindCredentials() {
        for (String path : new String[] { "/webjars/other/x.js", "/api/v1/users/me", "/swagger", "/redoc/x" }) {
            client().get().uri(path).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
