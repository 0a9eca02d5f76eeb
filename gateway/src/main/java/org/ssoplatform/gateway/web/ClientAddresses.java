package org.ssoplatform.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.reactive.ServerHttpRequest;
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

    /** A network in CIDR notation; its address is a literal, never resolved. */
    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!looksLikeAnAddress(address)) {
                throw new IllegalArgumentException("platform.gateway.trusted-proxies: not an IP address or CIDR: " + cidr);
            }
            byte[] network = bytes(address);
            return new Cidr(network, slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1)));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Cidr> trusted;

    public ClientAddresses(TrustedProxies proxies) {
        this.trusted = proxies.trustedProxies().stream().map(String::strip).filter(cidr -> !cidr.isEmpty())
            .map(Cidr::parse).toList();
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
        byte[] bytes;
        try {
            bytes = bytes(address);
        }
        catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        for (Cidr cidr : trusted) {
            if (cidr.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException(literal, ex);
        }
    }

    /** An IPv4 or IPv6 literal only: a host name would be resolved. */
    private static boolean looksLikeAnAddress(String text) {
        return text.length() <= 45 && (IPV4.matcher(text).matches()
                || text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':'));
    }

}
