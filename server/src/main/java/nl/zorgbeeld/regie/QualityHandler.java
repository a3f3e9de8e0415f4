package nl.zorgbeeld.regie;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * HTTP for the picture's quality: JSON (default) or, with {@code format=csv} or {@code Accept: text/csv},
 * one CSV row per indicator for the yearly evaluation.
 */
public final class QualityHandler {
    private final QualityService service;

    public QualityHandler(QualityService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/incidents/{id}/quality", this::quality);
    }

    private void quality(Context ctx) throws IOException {
        QueryParams params = new QueryParams(ctx, Set.of("at", "format"));
        String format = params.string("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiException.badParameter("format", "format must be json or csv");
        }
        boolean csv = "csv".equals(format) || format == null && String.valueOf(ctx.header("Accept")).contains("text/csv");
        long incidentId = PathParams.id(ctx, "id", "incident");
        QualityService.Report report = service.report(incidentId, params.instant("at"));
        if (!csv) {
            ctx.json(report);
            return;
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"beeldkwaliteit-incident-" + incidentId + ".csv\"");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("incidentId", "incident", "evaluatedAt", "key",
                "label", "question", "value", "unit", "norm", "comparison", "meetsNorm", "items").get())) {
            for (Indicator i : report.indicators()) {
                printer.printRecord(report.incidentId(), report.incidentTitle(), report.evaluatedAt(), i.key(), i.label(), i.question(),
                        i.value() == null ? "" : i.value(), i.unit(), i.norm() == null ? "" : i.norm(), i.comparison() == null ? "" : i.comparison(),
                        i.meetsNorm() == null ? "" : i.meetsNorm(), i.items().size());
            }
        }
    }
}
