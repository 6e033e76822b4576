// The peer for bench/engagement/crash: an HTTP provider (POST /messages) and an SMTP server in one process that
// outlives the Maatwerk server it is fed by. It counts every delivery (raw) and every distinct idempotency key, and
// deduplicates on the key the way a real provider does: a repeat gets the same provider id back and is not
// delivered to the citizen again. GET /stats answers {"http":{raw,distinct},"smtp":{raw,distinct}}; GET /keys?prefix=
// lists distinct keys with a prefix. Reference mode: java Peer.java reference http|smtp HOST:PORT N THREADS sends N
// messages straight at a peer with the JDK HttpClient / a raw SMTP socket loop and prints messages per second.
// Usage: java Peer.java serve HTTP_PORT SMTP_PORT
import com.sun.net.httpserver.HttpServer;
import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class Peer {
    static final Map<String, AtomicInteger> httpKeys = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> smtpKeys = new ConcurrentHashMap<>();
    static final AtomicLong httpRaw = new AtomicLong(), smtpRaw = new AtomicLong();

    public static void main(String[] args) throws Exception {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args[0].equals("serve")) {
            serveHttp(Integer.parseInt(args[1]));
            serveSmtp(Integer.parseInt(args[2]));
            System.out.println("peer up: http " + args[1] + ", smtp " + args[2]);
            Thread.currentThread().join();
        } else {
            reference(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    static void serveHttp(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/messages", ex -> {
            ex.getRequestBody().readAllBytes();
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            httpRaw.incrementAndGet();
            httpKeys.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = ("{\"id\":\"peer-" + key + "\",\"status\":\"delivered\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/stats", ex -> {
            byte[] body = ("{\"http\":{\"raw\":" + httpRaw.get() + ",\"distinct\":" + httpKeys.size() + "},\"smtp\":{\"raw\":"
                    + smtpRaw.get() + ",\"distinct\":" + smtpKeys.size() + "}}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/keys", ex -> {
            String prefix = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery().replaceFirst("^prefix=", "");
            StringBuilder out = new StringBuilder();
            for (Map<String, AtomicInteger> keys : List.of(httpKeys, smtpKeys)) {
                keys.forEach((k, n) -> { if (k.startsWith(prefix)) out.append(k).append('\t').append(n.get()).append('\n'); });
            }
            byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    static void serveSmtp(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port), 100);
        ExecutorService pool = Executors.newCachedThreadPool();
        Thread accept = new Thread(() -> {
            while (true) {
                try {
                    Socket client = socket.accept();
                    pool.submit(() -> smtpSession(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
        accept.start();
    }

    static void smtpSession(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            say(out, "220 peer ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String u = line.toUpperCase();
                if (u.startsWith("EHLO") || u.startsWith("HELO")) say(out, "250 peer");
                else if (u.startsWith("DATA")) {
                    say(out, "354 go ahead");
                    String key = null;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (key == null && line.startsWith("X-Maatwerk-Idempotency-Key:")) key = line.substring(27).strip();
                    }
                    smtpRaw.incrementAndGet();
                    smtpKeys.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
                    say(out, "250 OK");
                } else if (u.startsWith("QUIT")) { say(out, "221 bye"); return; }
                else say(out, "250 OK");
            }
        } catch (IOException e) {
            // client gone (a killed server)
        }
    }

    static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The reference: N messages straight at the peer over THREADS connections, no outbox, no database. */
    static void reference(String kind, String target, int n, int threads) throws Exception {
        String host = target.substring(0, target.lastIndexOf(':'));
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        AtomicInteger next = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(() -> {
                try {
                    if (kind.equals("http")) {
                        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                        int i;
                        while ((i = next.getAndIncrement()) < n) {
                            String body = "{\"channel\":\"sms\",\"to\":\"+31612345678\",\"reference\":\"ref-" + run + "-" + i
                                    + "\",\"text\":\"Uw paspoort verloopt over 8 weken. Vraag op tijd een nieuw paspoort aan.\"}";
                            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/messages"))
                                    .header("Content-Type", "application/json").header("Idempotency-Key", "ref-" + run + "-" + i)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                            client.send(request, HttpResponse.BodyHandlers.ofString());
                        }
                    } else {
                        try (Socket s = new Socket(host, port)) {
                            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                            OutputStream out = s.getOutputStream();
                            in.readLine();
                            say(out, "EHLO reference"); in.readLine();
                            int i;
                            while ((i = next.getAndIncrement()) < n) {
                                say(out, "MAIL FROM:<gemeente@maatwerk.local>"); in.readLine();
                                say(out, "RCPT TO:<jan@example.nl>"); in.readLine();
                                say(out, "DATA"); in.readLine();
                                say(out, "Subject: Uw paspoort verloopt\r\nX-Maatwerk-Idempotency-Key: ref-" + run + "-" + i
                                        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nBeste Jan, uw paspoort verloopt over 8 weken.\r\n.");
                                in.readLine();
                            }
                            say(out, "QUIT");
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%.1f%n", n / seconds);
    }
}
