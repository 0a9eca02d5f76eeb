package org.ssoplatform.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * A request's client address: the peer's, unless the peer is one of {@code platform.gateway.trusted-proxies}
 * (CIDRs, {@code PLATFORM_TRUSTED_PROXIES}), in which case the right-most {@code X-Forwarded-For} entry that
 * is not itself a trusted proxy; the left part of that header is whatever the client chose to send.
 */
@Component
public class ClientAddresses {

    /** {@code platform.gateway.trusted-proxies}: the load balancers in front of the gateway. */
    @ConfigurationProperties("platform.gateway")
    public record TrustedProxies(@DefaultValue List<String> trustedProxies) {
    }

    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(TrustedProxies proxies) {
        this.trusted = proxies.trustedProxies().stream().map(String::strip).filter(cidr -> !cidr.isEmpty())
            .map(IpAddressMatcher::new).toList();
    }

    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (trusted.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isEmpty()) {
            return peer;
        }
        String[] hops = String.join(",", forwarded).split(",");
        String candidate = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!looksLikeAnAddress(hop)) {
                return candidate;
            }
            candidate = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return candidate;
    }

    private boolean trusted(String address) {
        if (!looksLikeAnAddress(address)) {
            return false;
        }
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** IPv4 or IPv6 text only: a host name would make the matcher resolve it. */
    private static boolean looksLikeAnAddress(String text) {
        return !text.isEmpty() && text.length() <= 45
                && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }
}
