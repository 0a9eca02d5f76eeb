package org.ssoplatform.e2e.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transparent TCP relay between a gateway and resource-service that keeps a copy of what the
 * gateway sends, so a test can see the request the backend received: which credential reached it,
 * and that the edge's owned headers and the raw API key did not. It changes nothing it relays.
 */
public final class HeaderTap implements AutoCloseable {

    /** What the backend received for one request: the request line and headers, names lower-cased. */
    public record BackendRequest(String requestLine, Map<String, List<String>> headers) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(values -> values.get(0));
        }

        public boolean has(String name) {
            return headers.containsKey(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket listener;

    private final int targetPort;

    private final List<ByteArrayOutputStream> connections = new CopyOnWriteArrayList<>();

    private volatile boolean open = true;

    public HeaderTap(int port, int targetPort) {
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot listen on " + port, ex);
        }
        Thread acceptor = new Thread(this::accept, "header-tap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The request the backend received carrying this header value (e.g. a test's correlation id). */
    public Optional<BackendRequest> requestWith(String header, String value) {
        return requests().stream().filter(r -> r.header(header).filter(value::equals).isPresent()).findFirst();
    }

    /**
     * Every request head relayed so far. The relayed routes are body-less GETs, so a connection's
     * bytes are request heads separated by blank lines.
     */
    public List<BackendRequest> requests() {
        List<BackendRequest> requests = new ArrayList<>();
        for (ByteArrayOutputStream connection : connections) {
            String text;
            synchronized (connection) {
                text = connection.toString(StandardCharsets.ISO_8859_1);
            }
            for (String head : text.split("\r\n\r\n")) {
                String[] lines = head.split("\r\n");
                if (lines.length == 0 || !lines[0].matches("[A-Z]+ \\S+ HTTP/1\\.[01]")) {
                    continue;
                }
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
                    }
                }
                requests.add(new BackendRequest(lines[0], headers));
            }
        }
        return requests;
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                connections.add(captured);
                pump(client.getInputStream(), server.getOutputStream(), captured, client, server);
                pump(server.getInputStream(), client.getOutputStream(), null, client, server);
            }
            catch (IOException ex) {
                // listener closed, or the backend refused one connection: the gateway sees a failure
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, ByteArrayOutputStream copy, Socket a, Socket b) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    if (copy != null) {
                        synchronized (copy) {
                            copy.write(buffer, 0, n); // before relaying: captured by the time the backend answers
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // connection closed by either side
            }
            finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "header-tap-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // already closed
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            listener.close();
        }
        catch (IOException ex) {
            // already closed
        }
    }
}
