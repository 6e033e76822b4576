package nl.maatwerk.server.engage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo's SMTP sink on the loopback interface: speaks enough SMTP for Jakarta Mail (EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT), accepts every message and keeps nothing but a count per idempotency key; the page "Verzonden
 * berichten" shows the messages from the outbox itself. Not for production: it relays nothing.
 */
final class DemoSinkSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "demo-smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> received = new ConcurrentHashMap<>();

    DemoSinkSmtp(int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        sessions.submit(this::accept);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                sessions.submit(() -> session(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 maatwerk-demo ESMTP sink");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250 maatwerk-demo");
                    case "DATA" -> {
                        say(out, "354 end with <CRLF>.<CRLF>");
                        String key = "(none)";
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (line.startsWith(SmtpProvider.KEY_HEADER + ":")) {
                                key = line.substring(SmtpProvider.KEY_HEADER.length() + 1).strip();
                            }
                        }
                        received.merge(key, 1, Integer::sum);
                        say(out, "250 2.0.0 accepted by the demo sink");
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client hung up, or the sink closed
        } finally {
            clients.remove(client);
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();   // a sender keeps its connection open between messages: end it with the sink
        }
        sessions.shutdownNow();
    }
}
