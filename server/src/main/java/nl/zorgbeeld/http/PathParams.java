package nl.zorgbeeld.http;

import io.javalin.http.Context;
import nl.zorgbeeld.common.ApiException;

/** Ids in request paths. A path whose id is not a number names no resource: 404. */
public final class PathParams {
    private PathParams() {}

    /** The positive whole number in path parameter {@code name}; {@code what} names the resource for the error. */
    public static long id(Context ctx, String name, String what) {
        String value = ctx.pathParam(name);
        if (value.matches("[1-9][0-9]{0,17}")) return Long.parseLong(value);
        throw ApiException.notFound("There is no " + what + " '" + value + "': " + what + " ids are positive whole numbers");
    }
}
