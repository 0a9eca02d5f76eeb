package org.ssoplatform.auth.federation;

import java.time.Duration;
import java.util.List;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * HTTP to the identity providers (code exchange, userinfo, GitHub's e-mails), every call bounded by
 * {@code platform.auth.provider-timeout}: Spring Security's own clients have no timeout, so a provider
 * that accepts a connection and never answers would hold a request thread for good. Blocking
 * {@code HttpURLConnection} with keep-alive, because a sign-in waits for the answer anyway; the JDK
 * {@code HttpClient} that {@code RestClient} picks by default hands every exchange to its own threads,
 * which costs a sign-in more CPU than the exchange itself (docs/performance.md).
 */
final class ProviderHttp {

    private final SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();

    ProviderHttp(Duration timeout) {
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
    }

    RestClient restClient() {
        return RestClient.builder().requestFactory(requests).build();
    }

    /** The token endpoint call, with the converters and error handling of Spring Security's default. */
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
            .requestFactory(requests)
            .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
            .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
            .build());
        return client;
    }

    DefaultOAuth2UserService userInfo() {
        RestTemplate http = new RestTemplate(requests);
        http.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(http);
        return userInfo;
    }
}
