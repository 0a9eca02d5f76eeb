package org.ssoplatform.auth.throttle;

import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * A request's client address: the peer's, unless the peer is a trusted proxy, in which case the
 * right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy (the left part of
 * the header is whatever the client chose to send).
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(cidr -> !cidr.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
                : Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    String of(String peer, List<String> forwardedFor) {
        if (!trusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        String candidate = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || !looksLikeAnAddress(hop)) {
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
        if (address == null || !looksLikeAnAddress(address)) {
            return false;
        }
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4 or IPv6 literal only: a host name would be resolved. */
    private static boolean looksLikeAnAddress(String text) {
        return text.length() <= 45 && (IPV4.matcher(text).matches()
                || text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':'));
    }

}
