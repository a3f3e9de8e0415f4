package nl.zorgbeeld.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgbeeld.common.ApiException;
import org.junit.jupiter.api.Test;

/** The hub's part in a graceful stop: every stream ends, and none can join once the stop has begun. */
class LiveHubTest {
    private final AtomicInteger ended = new AtomicInteger();

    private SseStream stream(LiveHub hub) {
        return new SseStream(Topic.incident(1), id -> true, region -> true, "test", 16, (s, dropped) -> {
            ended.incrementAndGet();
            hub.leave(s, dropped);
        });
    }

    @Test
    void closingEndsEveryStreamAndRefusesNewOnes() {
        LiveHub hub = new LiveHub(IncidentVisibility.ALL);
        SseStream open = stream(hub);
        hub.join(open);
        assertEquals(1, hub.streams());

        hub.closeAll();
        assertTrue(open.done.isDone(), "the open stream has ended");
        assertEquals(1, ended.get());
        assertEquals(0, hub.streams());

        // A screen that reconnects while the server stops: refused with a 503, and not left in the hub.
        ApiException refused = assertThrows(ApiException.class, () -> hub.join(stream(hub)));
        assertEquals(503, refused.status());
        assertEquals(0, hub.streams(), "the refused stream would otherwise hold the stop up");
    }
}
