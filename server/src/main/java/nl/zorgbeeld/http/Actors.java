package nl.zorgbeeld.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;

/**
 * Who is writing, until login exists: the headers {@code X-Zorgbeeld-Author} and
 * {@code X-Zorgbeeld-Organisation}, required on every write. Header values are Latin-1 on the wire,
 * so names are sent percent-encoded UTF-8 (JavaScript's encodeURIComponent) and decoded here.
 * When authentication arrives, this is the one place that changes: the actor then comes from the session.
 */
public final class Actors {
    public static final String AUTHOR = "X-Zorgbeeld-Author";
    public static final String ORGANISATION = "X-Zorgbeeld-Organisation";
    public static final int MAX_LENGTH = 200;

    private Actors() {}

    public static Actor require(Context ctx) {
        return new Actor(header(ctx, AUTHOR), header(ctx, ORGANISATION));
    }

    private static String header(Context ctx, String name) {
        String raw = ctx.header(name);
        if (raw == null || raw.isBlank()) {
            throw ApiException.badParameter(name, "Every change records who made it: send the " + name
                    + " header (percent-encoded UTF-8)");
        }
        String value;
        try {
            value = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8).trim();
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, name + " is not valid percent-encoded UTF-8: " + raw);
        }
        if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badParameter(name, name + " must be 1 to " + MAX_LENGTH + " characters of plain text");
        }
        return value;
    }
}
