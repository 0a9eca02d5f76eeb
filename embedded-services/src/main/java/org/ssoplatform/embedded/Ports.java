package org.ssoplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports for the embedded servers. */
final class Ports {

    private Ports() {
    }

    /** A port nothing listens on now. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("no free port", ex);
        }
    }

    /**
     * Fails unless {@code port} is free: a server already there would answer the embedded one's
     * readiness checks, and clients would silently use it instead.
     */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        catch (IOException ex) {
            throw new IllegalStateException("port " + port + " for the embedded " + what + " is taken by another process");
        }
    }
}
