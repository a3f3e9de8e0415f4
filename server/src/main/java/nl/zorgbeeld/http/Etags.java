package nl.zorgbeeld.http;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;

/**
 * Optimistic locking over HTTP: a versioned resource's ETag is its version number; an update must
 * send it back in If-Match. Missing: 428. The caller compares it with the current version while it
 * holds the row lock, and answers 412 with the current state when someone else was first.
 */
public final class Etags {
    private Etags() {}

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    public static void set(Context ctx, int version) {
        ctx.header("ETag", of(version));
    }

    /** The If-Match header, parsed; 428 when it is missing, 400 when it is not an ETag of ours. */
    public static IfMatch require(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw ApiException.preconditionRequired("Send If-Match with the ETag of the version you edited,"
                    + " so that a change made in the meantime is not overwritten");
        }
        Set<Integer> versions = new HashSet<>();
        for (String raw : header.split(",")) {
            String tag = raw.trim();
            if (tag.equals("*")) return new IfMatch(true, Set.of());
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) throw malformed(header);
            try {
                versions.add(Integer.parseInt(tag.substring(1, tag.length() - 1)));
            } catch (NumberFormatException e) {
                throw malformed(header);
            }
        }
        return new IfMatch(false, versions);
    }

    private static ApiException malformed(String header) {
        return ApiException.badParameter("If-Match", "If-Match must hold the ETag from a GET, such as \"3\"; got " + header);
    }

    /** What If-Match allows: any current version ({@code *}) or the listed ones. */
    public record IfMatch(boolean any, Set<Integer> versions) {
        public boolean matches(int version) {
            return any || versions.contains(version);
        }
    }
}
