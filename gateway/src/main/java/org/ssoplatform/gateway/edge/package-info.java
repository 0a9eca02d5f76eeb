/**
 * The edge's request pipeline, assembled in one place ({@link org.ssoplatform.gateway.edge.WebHandlerConfig}):
 * what a request passes, in order, before Spring Cloud Gateway routes it.
 * <p>
 * Every request first passes, as one web filter ({@link org.ssoplatform.gateway.edge.SequentialWebFilters}):
 * <ol>
 * <li>{@code web.CorrelationIdFilter}: the request's {@code X-Correlation-Id};</li>
 * <li>{@link org.ssoplatform.gateway.edge.OwnedHeadersFilter}: inbound copies of the gateway's own headers
 * removed;</li>
 * <li>{@link org.ssoplatform.gateway.edge.SecurityHeaders}: the security headers every answer gets;</li>
 * <li>{@link org.ssoplatform.gateway.edge.EdgeChains}: the request's
 * {@link org.ssoplatform.gateway.edge.Credentials}, decided once, choose a lane or Spring Security's chains;
 * either way the request passes the firewall ({@link org.ssoplatform.gateway.edge.CheckOnceFirewall}, a
 * rejection is a 400 problem) first.</li>
 * </ol>
 * Then, by the credentials it carries (the portal's pages are public paths, proxied to the portal):
 * <dl>
 * <dt>None, on a public path ({@link org.ssoplatform.gateway.edge.AccessRules})</dt>
 * <dd>the no-credential lane: CORS, the caller recorded as anonymous; then the route, not rate-limited.</dd>
 * <dt>None, on any other path</dt>
 * <dd>the API chain: CORS, the conflict check, bearer authentication (nothing to read), authorization: 401.</dd>
 * <dt>An API key</dt>
 * <dd>the API-key lane: CORS, {@code apikey.ApiKeyAuthenticator} (malformed or unknown 401, too many failed
 * keys from the address 429, unverifiable 503; an accepted key's exchanged token replaces it and its caller
 * is recorded); then the route: the rate limiter (the key's bucket), the request sent on with
 * {@code Authorization: Bearer <exchanged token>} and without {@code X-API-Key}.</dd>
 * <dt>A bearer JWT ({@code Authorization}) the API chain accepted before, not yet expired</dt>
 * <dd>the bearer lane: CORS, the caller the chain made of the token then ({@code bearer.BearerAuthenticator});
 * then the route as below.</dd>
 * <dt>Any other {@code Authorization}</dt>
 * <dd>the API chain: CORS, {@link org.ssoplatform.gateway.edge.CredentialConflictFilter}, bearer
 * authentication (Spring Security's converter; the signature against auth-server's JWKS; a bad
 * token 401, keys unavailable 503; an accepted token is remembered until its {@code exp}), authorization
 * ({@link org.ssoplatform.gateway.edge.AccessRules}); then the route: the rate limiter (the user's bucket,
 * {@code sub}), the request sent on as it came.</dd>
 * <dt>Both</dt>
 * <dd>the API chain: CORS, {@link org.ssoplatform.gateway.edge.CredentialConflictFilter}: 400.</dd>
 * </dl>
 * A routed request finally passes {@code proxy.RequestLoopFilter} (back to its connection's event loop) and
 * is proxied by {@code proxy.ProxyClientConfig}'s routing filters, its headers copied once
 * ({@code proxy.SinglePassHeaders}).
 */
package org.ssoplatform.gateway.edge;
