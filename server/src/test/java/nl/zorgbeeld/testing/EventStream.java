package nl.zorgbeeld.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import nl.zorgbeeld.common.Json;

/**
 * A server-sent event client on a plain socket, so that a test controls the connection: it can cut it
 * at any point (a reset, as a lost network would), or not read at all (a slow client). Decodes the
 * chunked HTTP/1.1 response and the SSE fields (id, event, data, comments).
 */
public final class EventStream implements AutoCloseable {
    /** One event: {@code id} is null when the event carries none. */
    public record Event(String id, String name, String data) {
        public JsonNode json() {
            return Json.tree(data);
        }

        public long idNumber() {
            return Long.parseLong(id);
        }
    }

    /**
     * How to open: an optional Last-Event-ID header, a small receive buffer and no reading for a client
     * that reads slowly, and who asks: the standard test user ({@link TestUsers#standard()}) unless
     * {@link #as} names another, nobody with {@link #anonymous}.
     */
    public record Options(String lastEventId, Integer receiveBuffer, boolean read, TestUsers.TestUser user, boolean noCredentials) {
        public static Options fresh() {
            return new Options(null, null, true, null, false);
        }

        public static Options resumeAfter(String id) {
            return new Options(id, null, true, null, false);
        }

        /** A client that does not read (until {@link EventStream#startReading}) and takes little at a time. */
        public static Options notReading() {
            return new Options(null, 4096, false, null, false);
        }

        /** These options, sent with {@code user}'s API token. */
        public Options as(TestUsers.TestUser user) {
            return new Options(lastEventId, receiveBuffer, read, user, false);
        }

        /** These options without any credentials. */
        public Options anonymous() {
            return new Options(lastEventId, receiveBuffer, read, null, true);
        }
    }

    private final Socket socket;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final CountDownLatch headersRead = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile int status;
    private volatile String errorBody;
    private InputStream in;

    private EventStream(Socket socket) {
        this.socket = socket;
    }

    public static EventStream open(int port, String pathAndQuery) {
        return open(port, pathAndQuery, Options.fresh());
    }

    public static EventStream open(int port, String pathAndQuery, Options options) {
        try {
            Socket socket = new Socket();
            if (options.receiveBuffer() != null) socket.setReceiveBufferSize(options.receiveBuffer());
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            EventStream stream = new EventStream(socket);
            StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n");
            if (options.lastEventId() != null) request.append("Last-Event-ID: ").append(options.lastEventId()).append("\r\n");
            if (!options.noCredentials()) {
                TestUsers.TestUser user = options.user() == null ? TestUsers.standard() : options.user();
                request.append("Authorization: Bearer ").append(user.token()).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stream.in = new BufferedInputStream(socket.getInputStream());
            if (options.read()) stream.startReading();
            return stream;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + pathAndQuery, e);
        }
    }

    /** Starts reading (for a stream opened without reading). */
    public void startReading() {
        Thread reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The HTTP status, once the response head has arrived. */
    public int status() {
        await(headersRead, "the response head");
        return status;
    }

    public String header(String name) {
        status();
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body of a response that is not a stream (an error). */
    public JsonNode error() {
        await(ended, "the end of the error response");
        return Json.tree(errorBody);
    }

    /** The next event; fails when none comes within 30 s (a safety net: the tests wait for conditions). */
    public Event next() {
        try {
            Event e = events.poll(30, TimeUnit.SECONDS);
            if (e == null) throw new AssertionError("no event within 30 s");
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event of the given name, skipping others. */
    public Event next(String name) {
        while (true) {
            Event e = next();
            if (e.name().equals(name)) return e;
        }
    }

    /** Collects events until one matches {@code last} (included). */
    public List<Event> until(Predicate<Event> last) {
        List<Event> seen = new ArrayList<>();
        while (true) {
            Event e = next();
            seen.add(e);
            if (last.test(e)) return seen;
        }
    }

    /** Events received so far and not yet taken. */
    public List<Event> drain() {
        List<Event> taken = new ArrayList<>();
        events.drainTo(taken);
        return taken;
    }

    public int comments() {
        return comments.get();
    }

    /** Waits until {@code n} comments (heartbeats) have arrived; fails after 30 s. */
    public void awaitComments(int n) {
        synchronized (comments) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (comments.get() < n) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) throw new AssertionError("only " + comments.get() + " of " + n + " comments within 30 s");
                try {
                    comments.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Whether the server ended the connection (waits up to 30 s for it). */
    public boolean awaitEnd() {
        try {
            return ended.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Cuts the connection the way a lost network does: a reset, nothing more read. */
    public void cut() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void read() {
        try {
            String statusLine = line(in);
            status = Integer.parseInt(statusLine.split(" ")[1]);
            for (String h; !(h = line(in)).isEmpty(); ) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            headersRead.countDown();
            InputStream body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunked(in) : in;
            if (status != 200) {
                errorBody = new String(headers.containsKey("content-length")
                        ? body.readNBytes(Integer.parseInt(headers.get("content-length"))) : body.readAllBytes(), StandardCharsets.UTF_8);
                return;
            }
            String id = null;
            String name = "message";
            StringBuilder data = null;
            for (String l; (l = line(body)) != null; ) {
                if (l.isEmpty()) {
                    if (data != null) events.add(new Event(id, name, data.toString()));
                    id = null;
                    name = "message";
                    data = null;
                } else if (l.startsWith(":")) {
                    synchronized (comments) {
                        comments.incrementAndGet();
                        comments.notifyAll();
                    }
                } else if (l.startsWith("id:")) {
                    id = l.substring(3).trim();
                } else if (l.startsWith("event:")) {
                    name = l.substring(6).trim();
                } else if (l.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(l.substring(5).stripLeading());
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connection ended (cut by the test or closed by the server).
        } finally {
            headersRead.countDown();
            ended.countDown();
        }
    }

    /** A line without its CR LF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') break;
            if (b != '\r') bytes.write(b);
        }
        if (b == -1 && bytes.size() == 0) return null;
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new AssertionError("no " + what + " within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** HTTP/1.1 chunked transfer decoding. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) return -1;
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) size = line(in);
                if (size == null) {
                    done = true;
                    return -1;
                }
                left = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int b = in.read();
            if (b == -1) {
                done = true;
                return -1;
            }
            left--;
            return b;
        }
    }
}
