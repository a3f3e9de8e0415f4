package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;

/**
 * Reads a snapshot ZIP that comes from outside, distrusting it: too large, not a ZIP, truncated or
 * corrupt, an entry with {@code ..} or an absolute path, a duplicate entry, too many entries, or
 * a ZIP that would unpack to far more than it is (a ZIP bomb) are all refused before anything is
 * stored. Only picture.json is unpacked, and only as far as the limits allow.
 */
final class SnapshotArchive {
    static final String WHERE = "snapshot";
    static final String PICTURE = "picture.json";
    private static final int MAX_ENTRIES = 10_000;
    /** Parts smaller than this may compress well beyond the ratio (a GeoPackage's empty pages do). */
    private static final long RATIO_FLOOR = 1024 * 1024;

    private SnapshotArchive() {}

    /** Copies an upload to {@code target}, refusing it (413) once it passes {@code maxBytes}. */
    static void receive(InputStream in, Path target, long maxBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) throw tooLarge(maxBytes);
                out.write(buffer, 0, n);
            }
        }
    }

    /** picture.json of the snapshot at {@code zip}, checked as a whole first. */
    static JsonNode pictureJson(Path zip, SnapshotSettings limits) {
        try {
            long size = Files.size(zip);
            if (size > limits.maxBytes()) throw tooLarge(limits.maxBytes());
            if (size == 0) throw bad("the snapshot is empty");
            try (ZipFile file = new ZipFile(zip.toFile())) {
                ZipEntry picture = check(file, size, limits);
                if (picture == null) throw bad("the ZIP has no " + PICTURE + ": it is not a Zorgbeeld snapshot");
                return parse(read(file, picture, limits));
            }
        } catch (ZipException e) {
            throw bad("the file is not a readable ZIP (corrupt or cut off): " + e.getMessage());
        } catch (IOException e) {
            throw bad("the snapshot could not be read: " + e.getMessage());
        }
    }

    /** Checks every entry's name and declared size; returns picture.json's entry (or null). */
    private static ZipEntry check(ZipFile file, long size, SnapshotSettings limits) {
        Set<String> names = new HashSet<>();
        ZipEntry picture = null;
        long declared = 0;
        int count = 0;
        for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
            ZipEntry e = entries.nextElement();
            if (++count > MAX_ENTRIES) throw bad("the ZIP has more than " + MAX_ENTRIES + " entries");
            String name = e.getName();
            if (!safe(name)) throw bad("the ZIP holds an entry with an unsafe path ('" + printable(name) + "'): refused");
            if (!names.add(name)) throw bad("the ZIP holds '" + printable(name) + "' twice");
            if (e.getSize() > limits.maxBytes()) throw tooLarge(limits.maxBytes());
            if (e.getSize() > 0) declared += e.getSize();
            if (!e.isDirectory() && name.equals(PICTURE)) picture = e;
        }
        if (declared > RATIO_FLOOR && declared > size * limits.maxRatio()) throw bomb(limits);
        return picture;
    }

    private static byte[] read(ZipFile file, ZipEntry entry, SnapshotSettings limits) throws IOException {
        // The sizes in the ZIP's directory can lie: count what really comes out.
        long compressed = Math.max(entry.getCompressedSize(), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = file.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxBytes()) throw tooLarge(limits.maxBytes());
                if (total > RATIO_FLOOR && total > compressed * limits.maxRatio()) throw bomb(limits);
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static JsonNode parse(byte[] bytes) {
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ApiException.badBody(PICTURE, PICTURE + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (doc == null || !doc.isObject() || !SnapshotDocument.FORMAT.equals(doc.path("format").asText())) {
            throw ApiException.badBody(PICTURE + ".format", PICTURE + " is not a Zorgbeeld snapshot (format must be \""
                    + SnapshotDocument.FORMAT + "\")");
        }
        if (doc.path("formatVersion").asInt(-1) != SnapshotDocument.VERSION) {
            throw ApiException.badBody(PICTURE + ".formatVersion", "this Zorgbeeld reads snapshots of format version "
                    + SnapshotDocument.VERSION + ", not " + doc.path("formatVersion"));
        }
        return doc;
    }

    /** Relative, forward slashes only, no "." or ".." step, no drive letter, no control character. */
    static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) return false;
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return false;
        for (String step : name.split("/", -1)) {
            if (step.equals("..") || step.equals(".")) return false;
        }
        return true;
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static ApiException bad(String detail) {
        return ApiException.badBody(WHERE, detail);
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "PayloadTooLarge", "Snapshot too large", "the snapshot is larger than the limit of "
                + maxBytes + " bytes (ZORGBEELD_SNAPSHOT_MAX_BYTES), packed or in one unpacked part", WHERE, Map.of());
    }

    private static ApiException bomb(SnapshotSettings limits) {
        return new ApiException(413, "PayloadTooLarge", "Snapshot unpacks too far", "the snapshot would unpack to more than "
                + limits.maxRatio() + " times its packed size (ZORGBEELD_SNAPSHOT_MAX_RATIO): refused as a possible ZIP bomb",
                WHERE, Map.of());
    }
}
