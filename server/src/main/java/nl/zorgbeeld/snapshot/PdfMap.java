package nl.zorgbeeld.snapshot;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The map of the PDF, drawn as vector paths from the snapshot's own layers in RD New (metres, so
 * the scale bar is true everywhere on the map): the bundled country outlines, the safety region,
 * the incident's elements and the affected institutions, in the colours of the app's map.
 */
final class PdfMap {
    /** The Netherlands in RD New, when there is nothing else to frame. */
    private static final Envelope NETHERLANDS = new Envelope(0, 290_000, 300_000, 630_000);
    private static final Map<String, float[][]> ZONES = Map.of(
            "LBW", new float[][] {rgb("#a50f15"), rgb("#e31a1c")},
            "AGW", new float[][] {rgb("#b4470a"), rgb("#fd8d3c")},
            "VRW", new float[][] {rgb("#9c7c00"), rgb("#ffe135")});
    private static final Map<String, String> POINTS = Map.of("incidentlocatie", "#6a1b9a", "opvanglocatie", "#1b7f3b",
            "behandelcentrum", "#0b4f8a", "meetpunt", "#00695c", "aantekening", "#455a64");

    private final PdfPages pages;
    private final PDPageContentStream cs;
    private final float left;
    private final float bottom;
    private final float width;
    private final float height;
    private Envelope extent;
    private double scale;

    PdfMap(PdfPages pages, float left, float bottom, float width, float height) {
        this.pages = pages;
        this.cs = pages.content();
        this.left = left;
        this.bottom = bottom;
        this.width = width;
        this.height = height;
    }

    void draw(List<Layer> layers) throws IOException {
        frame(layers);
        cs.saveGraphicsState();
        cs.addRect(left, bottom, width, height);
        cs.clip();
        fill("#cfe0ea");
        cs.addRect(left, bottom, width, height);
        cs.fill();
        Geometry window = new GeometryFactory().toGeometry(extent);
        for (Basemap.Country country : Basemap.rdCountries()) {
            Geometry g = clipped(country.rd(), window);
            if (g.isEmpty()) continue;
            fill(country.home() ? "#fbfaf6" : "#e6e3dc");
            stroke("#8c8577", country.home() ? 1f : 0.6f);
            path(g);
            cs.fillAndStrokeEvenOdd();
        }
        for (Layer layer : layers) {
            for (Layer.Feature f : layer.features()) {
                switch (layer.name()) {
                    case SnapshotLayers.REGION -> {
                        stroke("#2b3a4a", 1.6f);
                        path(clipped(f.rd(), window));
                        cs.stroke();
                    }
                    case SnapshotLayers.INSTITUTIONS -> institution(f);
                    default -> element(f);
                }
            }
        }
        cs.restoreGraphicsState();
        stroke("#2b3a4a", 0.8f);
        cs.addRect(left, bottom, width, height);
        cs.stroke();
        scaleBar();
    }

    private void frame(List<Layer> layers) {
        Envelope focus = new Envelope();
        Envelope region = new Envelope();
        for (Layer layer : layers) {
            for (Layer.Feature f : layer.features()) {
                if (layer.name().equals(SnapshotLayers.REGION)) region.expandToInclude(f.rd().getEnvelopeInternal());
                else focus.expandToInclude(f.rd().getEnvelopeInternal());
            }
        }
        Envelope e = !focus.isNull() ? focus : !region.isNull() ? region : NETHERLANDS;
        e = new Envelope(e);
        // At least 2 km across, and 15 % around what matters.
        double span = Math.max(2000, Math.max(e.getWidth(), e.getHeight()));
        e.expandBy(Math.max(span * 0.15, (span - e.getWidth()) / 2), Math.max(span * 0.15, (span - e.getHeight()) / 2));
        double ratio = width / height;
        if (e.getWidth() / e.getHeight() < ratio) e.expandBy((e.getHeight() * ratio - e.getWidth()) / 2, 0);
        else e.expandBy(0, (e.getWidth() / ratio - e.getHeight()) / 2);
        extent = e;
        scale = width / e.getWidth();
    }

    private void element(Layer.Feature f) throws IOException {
        Map<String, Object> p = f.values();
        String kind = String.valueOf(p.get("kind"));
        boolean uncertain = p.get("certainty") != null && !"gevalideerd".equals(p.get("certainty"));
        Geometry g = f.rd();
        if (g instanceof Point || "MultiPoint".equals(g.getGeometryType())) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Coordinate c = g.getGeometryN(i).getCoordinate();
                fill(POINTS.getOrDefault(kind, "#455a64"));
                stroke("#ffffff", 1.5f);
                dash(uncertain ? new float[] {1.5f, 2f} : null);
                circle(x(c.x), y(c.y), 5.5f);
                cs.fillAndStroke();
                dash(null);
            }
            return;
        }
        float[] line;
        float[] area = null;
        float alpha = 0.35f;
        float weight = 1.5f;
        if ("effectgebied".equals(kind)) {
            float[][] z = ZONES.getOrDefault(String.valueOf(p.get("zone")), new float[][] {rgb("#5d4037"), rgb("#a1887f")});
            line = z[0];
            area = z[1];
        } else if ("incidentgebied".equals(kind)) {
            line = rgb("#6a1b9a");
            area = line;
            alpha = 0.08f;
            weight = 2.5f;
        } else if ("afzetting".equals(kind)) {
            line = rgb("#1f2933");
            weight = 3f;
        } else {
            line = rgb("#37474f");
            area = line;
            alpha = 0.1f;
        }
        boolean polygonal = g.getDimension() == 2;
        if (polygonal && area != null) {
            cs.saveGraphicsState();
            PDExtendedGraphicsState state = new PDExtendedGraphicsState();
            state.setNonStrokingAlphaConstant(alpha);
            cs.setGraphicsStateParameters(state);
            cs.setNonStrokingColor(area[0], area[1], area[2]);
            path(g);
            cs.fillEvenOdd();
            cs.restoreGraphicsState();
        }
        cs.setStrokingColor(line[0], line[1], line[2]);
        cs.setLineWidth(uncertain ? Math.max(weight, 2.5f) : weight);
        dash(uncertain ? new float[] {1f, 4f} : "afzetting".equals(kind) ? new float[] {8f, 5f} : null);
        path(g);
        cs.stroke();
        dash(null);
    }

    private void institution(Layer.Feature f) throws IOException {
        Coordinate c = f.rd().getCoordinate();
        boolean connected = Boolean.TRUE.equals(f.values().get("connected"));
        fill(connected ? "#c0392b" : "#ffffff");
        stroke(connected ? "#1b2631" : "#c0392b", connected ? 0.6f : 1.4f);
        circle(x(c.x), y(c.y), 3.2f);
        cs.fillAndStroke();
    }

    /** A bar of 1, 2 or 5 times a power of ten metres, about a fifth of the map wide. */
    private void scaleBar() throws IOException {
        double target = extent.getWidth() / 5;
        double power = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = target / power >= 5 ? 5 * power : target / power >= 2 ? 2 * power : power;
        float length = (float) (metres * scale);
        float x0 = left + 10;
        float y0 = bottom + 10;
        fill("#ffffff");
        cs.addRect(x0 - 4, y0 - 4, length + 60, 16);
        cs.fill();
        stroke("#1b2631", 1.5f);
        cs.moveTo(x0, y0 + 4);
        cs.lineTo(x0, y0);
        cs.lineTo(x0 + length, y0);
        cs.lineTo(x0 + length, y0 + 4);
        cs.stroke();
        fill("#1b2631");
        pages.line(metres >= 1000 ? trim(metres / 1000) + " km" : trim(metres) + " m", x0 + length + 5, y0, 8, false);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Geometry clipped(Geometry g, Geometry window) {
        try {
            return g.getEnvelopeInternal().intersects(window.getEnvelopeInternal()) ? g.intersection(window) : window.getFactory().createEmpty(2);
        } catch (RuntimeException e) {
            // Topology exceptions on odd shapes: the page's clip still keeps the drawing inside the frame.
            return g;
        }
    }

    private void path(Geometry g) throws IOException {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                ring(polygon.getExteriorRing().getCoordinates(), true);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) ring(polygon.getInteriorRingN(h).getCoordinates(), true);
            } else if (part instanceof LineString lineString) {
                ring(lineString.getCoordinates(), false);
            } else if (part.getNumGeometries() > 1 || part.getGeometryType().equals("GeometryCollection")) {
                path(part);
            }
        }
    }

    private void ring(Coordinate[] coordinates, boolean close) throws IOException {
        if (coordinates.length == 0) return;
        cs.moveTo(x(coordinates[0].x), y(coordinates[0].y));
        for (int i = 1; i < coordinates.length; i++) cs.lineTo(x(coordinates[i].x), y(coordinates[i].y));
        if (close) cs.closePath();
    }

    private void circle(float cx, float cy, float r) throws IOException {
        float k = 0.552284749f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    private float x(double rdX) {
        return (float) (left + (rdX - extent.getMinX()) * scale);
    }

    private float y(double rdY) {
        return (float) (bottom + (rdY - extent.getMinY()) * scale);
    }

    private void fill(String hex) throws IOException {
        float[] c = rgb(hex);
        cs.setNonStrokingColor(c[0], c[1], c[2]);
    }

    private void stroke(String hex, float weight) throws IOException {
        float[] c = rgb(hex);
        cs.setStrokingColor(c[0], c[1], c[2]);
        cs.setLineWidth(weight);
    }

    private void dash(float[] pattern) throws IOException {
        cs.setLineDashPattern(pattern == null ? new float[0] : pattern, 0);
    }

    static float[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new float[] {((v >> 16) & 0xff) / 255f, ((v >> 8) & 0xff) / 255f, (v & 0xff) / 255f};
    }
}
