package nl.maatwerk.server.engage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real SMTP server for the failure cases GreenMail cannot play: it answers RCPT TO for a scripted recipient
 * with the scripted replies in turn (for example {@code 451} once, then accepted), and records accepted messages.
 */
final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, List<String>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    final List<String> accepted = new CopyOnWriteArrayList<>();

    ScriptedSmtp(int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("localhost", port));
        Thread thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Replies to RCPT TO for this recipient, one per attempt; after the last, "250 OK". */
    void script(String recipient, String... replies) {
        scripts.put(recipient.toLowerCase(), List.of(replies));
    }

    /** The connection being served: closed with the server, as the sender keeps it open between messages. */
    private volatile Socket current;

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                current = client;
                session(client);
            } catch (IOException e) {
                // closed, or the client hung up
            }
        }
    }

    private void session(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted ESMTP");
        String recipient = null;
        boolean rejected = false;
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                reply(out, "250 scripted");
            } else if (upper.startsWith("MAIL FROM")) {
                recipient = null;
                rejected = false;
                reply(out, "250 OK");
            } else if (upper.startsWith("RCPT TO")) {
                recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase();
                List<String> script = scripts.getOrDefault(recipient, List.of());
                int attempt = tries.computeIfAbsent(recipient, r -> new AtomicInteger()).getAndIncrement();
                String answer = attempt < script.size() ? script.get(attempt) : "250 OK";
                rejected = !answer.startsWith("2");
                reply(out, answer);
            } else if (upper.startsWith("DATA")) {
                if (rejected) {
                    reply(out, "503 no valid recipients");
                    continue;
                }
                reply(out, "354 go ahead");
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    data.append(line).append('\n');
                }
                accepted.add(recipient + "\n" + data);
                reply(out, "250 OK queued");
            } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                reply(out, "250 OK");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        Socket client = current;
        if (client != null) {
            client.close();
        }
    }
}
