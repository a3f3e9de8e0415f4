package nl.zorgbeeld.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Gives every request an id (the client's X-Request-Id when it is sane) and logs each request once. */
public final class RequestIds {
    private static final Logger LOG = LoggerFactory.getLogger("http");
    private static final String ATTRIBUTE = "requestId";
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    public static void install(JavalinConfig config) {
        config.routes.before(ctx -> {
            String incoming = ctx.header(HEADER);
            String id = incoming != null && SANE.matcher(incoming).matches()
                    ? incoming : UUID.randomUUID().toString().substring(0, 8);
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
            MDC.put(ATTRIBUTE, id);
        });
        config.requestLogger.http((ctx, ms) -> {
            LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            MDC.remove(ATTRIBUTE);
        });
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
