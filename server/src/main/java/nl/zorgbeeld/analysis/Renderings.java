package nl.zorgbeeld.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered responses of the analysis by ETag (which names the version of the analysis and the
 * representation), with their gzip form made once when first asked for. An unchanged analysis is
 * then served as stored bytes, whatever its size.
 */
final class Renderings {
    /** Below this, compressing costs more than it saves (the size Javalin's own compression starts at). */
    static final int MIN_GZIP_BYTES = 1500;

    /** One rendered response; {@code gzip} null until a client asked for it. */
    record Rendering(String contentType, byte[] identity, byte[] gzip) {
        long weight() {
            return identity.length + (gzip == null ? 0 : gzip.length);
        }
    }

    private final Lru<String, Rendering> cache;

    Renderings(long capacityBytes) {
        this.cache = new Lru<>(capacityBytes, Rendering::weight);
    }

    Rendering get(String etag) {
        return cache.get(etag);
    }

    void put(String etag, String contentType, byte[] identity) {
        cache.put(etag, new Rendering(contentType, identity, null));
    }

    /** The gzip form of a rendering, compressed (and kept) the first time. */
    byte[] gzip(String etag, Rendering rendering) {
        if (rendering.gzip() != null) return rendering.gzip();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rendering.identity().length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 16 * 1024)) {
            gzip.write(rendering.identity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] compressed = bytes.toByteArray();
        cache.put(etag, new Rendering(rendering.contentType(), rendering.identity(), compressed));
        return compressed;
    }

    /** Writes to the response and keeps a copy, so a response is streamed and stored in one pass. */
    static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream(64 * 1024);

        Tee(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        byte[] copy() {
            return copy.toByteArray();
        }
    }
}
