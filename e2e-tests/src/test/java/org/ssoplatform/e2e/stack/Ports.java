package org.ssoplatform.e2e.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports, so a run never collides with ./platform up or another run on the same machine. */
final class Ports {

    private Ports() {
    }

    /** {@code count} distinct ports, all held open until all are found so none is handed out twice. */
    static int[] free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        }
        catch (IOException ex) {
            throw new IllegalStateException("No free ports", ex);
        }
        finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                }
                catch (IOException ex) {
                    // closing a listener we opened: nothing to do
                }
            }
        }
    }
}
