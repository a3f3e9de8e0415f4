package nl.zorgbeeld.live;

import io.javalin.http.Context;
import nl.zorgbeeld.common.ApiException;

/**
 * Where a reconnecting client resumes: the {@code Last-Event-ID} header (what EventSource sends on its
 * own), or the {@code lastEventId} query parameter for clients that cannot set headers. The header wins:
 * a browser keeps the URL it was opened with, and sends the header with the newer id on every reconnect.
 */
final class LastEventId {
    static final String HEADER = "Last-Event-ID";
    static final String PARAMETER = "lastEventId";

    private LastEventId() {}

    /** The id, or null for a fresh start; 400 naming the header or parameter when it is not an event id. */
    static Long of(Context ctx) {
        String header = ctx.header(HEADER);
        if (header != null && !header.isBlank()) return parse(HEADER, header.trim());
        String parameter = ctx.queryParam(PARAMETER);
        if (parameter != null && !parameter.isBlank()) return parse(PARAMETER, parameter.trim());
        return null;
    }

    private static Long parse(String where, String value) {
        if (value.matches("0|[1-9][0-9]{0,17}")) return Long.parseLong(value);
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        throw ApiException.badParameter(where, where + " must be the id of an event of this stream (a whole number"
                + " of at most 18 digits, as sent in the events' id field), not '" + shown + "'");
    }
}
