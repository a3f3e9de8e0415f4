package nl.zorgbeeld.live;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * One open event stream. Writes never block: frames wait in a bounded queue and go out when the
 * connection can take them (servlet non-blocking output), so a slow screen holds up nobody; when more
 * than {@code limit} events wait for it, it is dropped and resumes later with Last-Event-ID.
 *
 * <p>A stream starts "held": live events that arrive while its replay is read from the log are kept
 * aside, and once the replay up to its horizon is queued, those after the horizon follow. Every live
 * event is queued at most once and only after the last one queued, so none is sent twice or out of order.
 */
final class SseStream implements WriteListener {
    static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    /** What the hub and the module do when a stream ends (leave the hub, free its slot, end the request). */
    interface Ending {
        void ended(SseStream stream, boolean dropped);
    }

    final Topic topic;
    final String clientKey;
    private final LongPredicate visible;
    private final Predicate<String> visibleRegion;
    private final int limit;
    private final Ending ending;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    // Guarded by this.
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<LiveEvent> held = new ArrayList<>();
    private boolean holding = true;
    private long queuedUpTo;
    private ServletOutputStream out;
    private Runnable abort = () -> {};
    private boolean unflushed;
    private boolean closed;
    private long lastWriteNanos = System.nanoTime();

    /**
     * @param visible       the incidents the viewer may see
     * @param visibleRegion the safety regions whose institutions' status reports the viewer may see
     */
    SseStream(Topic topic, LongPredicate visible, Predicate<String> visibleRegion, String clientKey, int limit, Ending ending) {
        this.topic = topic;
        this.visible = visible;
        this.visibleRegion = visibleRegion;
        this.clientKey = clientKey;
        this.limit = limit;
        this.ending = ending;
    }

    boolean wants(LiveEvent event) {
        if (!topic.includes(event)) return false;
        if (event.incidentId() != null) return visible.test(event.incidentId());
        // An institution's status report belongs to no incident: it is seen by who may see the institution's region.
        return !event.changesInstitutionStatus() || visibleRegion.test(event.regionCode());
    }

    /** A live event from the hub (always in increasing id order). */
    void offer(LiveEvent event) {
        synchronized (this) {
            if (closed) return;
            if (holding) {
                if (held.size() < limit) {
                    held.add(event);
                    return;
                }
            } else if (event.id() <= queuedUpTo) {
                return;
            } else if (queue.size() < limit) {
                queue.add(event.frame());
                queuedUpTo = event.id();
                drain();
                return;
            }
        }
        end(true);
    }

    /** Connects the stream to its response; from now on queued frames are written. */
    synchronized void attach(ServletOutputStream output, Runnable abortConnection) {
        this.out = output;
        this.abort = abortConnection;
        output.setWriteListener(this);
    }

    /** A frame of the replay or a control event; these do not count against the limit. */
    synchronized void send(byte[] frame) {
        if (closed) return;
        queue.add(frame);
        drain();
    }

    /** The replay up to {@code horizon} is queued: the live events held meanwhile that come after it follow. */
    void release(long horizon) {
        synchronized (this) {
            if (closed) return;
            queuedUpTo = Math.max(queuedUpTo, horizon);
            holding = false;
            for (LiveEvent event : held) {
                if (event.id() > queuedUpTo) {
                    queue.add(event.frame());
                    queuedUpTo = event.id();
                }
            }
            held.clear();
            if (queue.size() <= limit) {
                drain();
                return;
            }
        }
        end(true);
    }

    /** A comment when nothing was written for {@code idleNanos}: keeps proxies from closing the stream, and finds vanished clients. */
    synchronized void heartbeat(long idleNanos) {
        if (closed || out == null || !queue.isEmpty() || System.nanoTime() - lastWriteNanos < idleNanos) return;
        queue.add(HEARTBEAT);
        drain();
    }

    synchronized int waiting() {
        return queue.size() + held.size();
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable t) {
        end(false);
    }

    /** Ends the stream: the request completes. */
    void close() {
        end(false);
    }

    /** Writes what is queued while the connection takes it without blocking, then flushes. */
    private void drain() {
        if (out == null || closed) return;
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next != null) {
                    out.write(next);
                    unflushed = true;
                    lastWriteNanos = System.nanoTime();
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client has gone (or the response is already finished): end it, outside this lock.
            CompletableFuture.runAsync(() -> end(false));
        }
    }

    private void end(boolean dropped) {
        Runnable cut;
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.clear();
            held.clear();
            cut = abort;
        }
        // A dropped client is cut off at once, so that a pending write cannot keep its connection.
        if (dropped) cut.run();
        ending.ended(this, dropped);
        done.complete(null);
    }
}
