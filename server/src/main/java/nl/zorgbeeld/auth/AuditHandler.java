package nl.zorgbeeld.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/incidents/{id}/audit}: the incident's audit trail, oldest first, as JSON or (with
 * {@code format=csv} or {@code Accept: text/csv}) as a CSV download. Paged with {@code after}
 * (the last id seen) and {@code limit}.
 */
public final class AuditHandler {
    private static final int MAX = 10_000;
    private final Transactions tx;

    public AuditHandler(Transactions tx) {
        this.tx = tx;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/audit", this::audit);
    }

    private void audit(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, Set.of("format", "after", "limit"));
        long incident = PathParams.id(ctx, "id", "incident");
        String format = params.string("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiException.badParameter("format", "format must be json or csv");
        }
        boolean csv = "csv".equals(format) || format == null && String.valueOf(ctx.header("Accept")).contains("text/csv");
        long after = params.integer("after", 0, 0, Integer.MAX_VALUE);
        int limit = params.integer("limit", MAX, 1, MAX);
        List<AuditLog.Recorded> entries = tx.run(c -> AuditLog.forIncident(c, incident, after, limit));
        if (!csv) {
            ctx.json(Map.of("incidentId", incident, "entries", entries));
            return;
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-incident-" + incident + ".csv\"");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id", "occurredAt", "login", "organisation",
                "roles", "action", "objectType", "objectId", "before", "after").get())) {
            for (AuditLog.Recorded e : entries) {
                printer.printRecord(e.id(), e.occurredAt(), e.login(), e.organisation(), String.join(" ", e.roles()), e.action(),
                        e.objectType(), e.objectId(), e.before() == null ? "" : e.before().toString(),
                        e.after() == null ? "" : e.after().toString());
            }
        }
    }
}
