package nl.zorgbeeld.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * lagen.gpkg: every layer of the snapshot as a feature table of one OGC GeoPackage, in RD New
 * (EPSG:28992), written with NGA's GeoPackage library. Geometry goes JTS -> WKB -> the library's
 * own geometry model, so nothing is re-projected or re-encoded by hand.
 */
final class GeoPackageFile {
    private static final String GEOMETRY = "geom";

    private GeoPackageFile() {}

    static void write(List<Layer> layers, Path file) throws IOException {
        // The library refuses to create over an existing file (the caller's temp file).
        Files.deleteIfExists(file);
        GeoPackageManager.create(file.toFile());
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
            SpatialReferenceSystem rd = rdNew(gpkg);
            gpkg.createGeometryColumnsTable();
            WKBWriter wkb = new WKBWriter();
            // Tables first (the library writes their metadata on a connection of its own), then all rows in one transaction.
            for (Layer layer : layers) table(gpkg, rd, layer);
            gpkg.beginTransaction();
            boolean done = false;
            try {
                for (Layer layer : layers) rows(gpkg, rd, layer, wkb);
                done = true;
            } finally {
                gpkg.endTransaction(done);
            }
        } catch (SQLException e) {
            throw new IOException("writing the GeoPackage failed: " + e.getMessage(), e);
        }
    }

    /** The library has no definition of RD New of its own: the EPSG one, with its datum shift (the one PostGIS uses). */
    private static SpatialReferenceSystem rdNew(GeoPackage gpkg) throws SQLException {
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        srs.setSrsName("Amersfoort / RD New");
        srs.setSrsId(28992);
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(28992);
        srs.setDefinition(RD_NEW_WKT);
        srs.setDescription("Rijksdriehoeksstelsel, the Dutch national grid (metres)");
        gpkg.getSpatialReferenceSystemDao().create(srs);
        return srs;
    }

    private static final String RD_NEW_WKT = "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\","
            + "SPHEROID[\"Bessel 1841\",6377397.155,299.1528128,AUTHORITY[\"EPSG\",\"7004\"]],"
            + "TOWGS84[565.2369,50.0087,465.658,-0.406857,0.350733,-1.87035,4.0812],AUTHORITY[\"EPSG\",\"6289\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AUTHORITY[\"EPSG\",\"4289\"]],PROJECTION[\"Oblique_Stereographic\"],PARAMETER[\"latitude_of_origin\",52.15616055555555],"
            + "PARAMETER[\"central_meridian\",5.38763888888889],PARAMETER[\"scale_factor\",0.9999079],"
            + "PARAMETER[\"false_easting\",155000],PARAMETER[\"false_northing\",463000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
            + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"28992\"]]";

    private static void table(GeoPackage gpkg, SpatialReferenceSystem rd, Layer layer) {
        GeometryColumns columns = new GeometryColumns();
        columns.setId(new TableColumnKey(layer.name(), GEOMETRY));
        columns.setGeometryType(GeometryType.GEOMETRY);
        columns.setZ((byte) 0);
        columns.setM((byte) 0);
        columns.setSrsId(rd.getSrsId());
        List<FeatureColumn> attributes = new ArrayList<>();
        for (Layer.Column c : layer.columns()) {
            attributes.add(FeatureColumn.createColumn(c.name(), switch (c.type()) {
                case TEXT -> GeoPackageDataType.TEXT;
                case INTEGER -> GeoPackageDataType.INTEGER;
                case REAL -> GeoPackageDataType.REAL;
                case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            }));
        }
        Envelope extent = new Envelope();
        layer.features().forEach(f -> extent.expandToInclude(f.rd().getEnvelopeInternal()));
        BoundingBox box = extent.isNull() ? new BoundingBox(0, 300_000, 300_000, 625_000)
                : new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY());
        // "fid" as QGIS names it: the layers' own "id" column keeps the element's or institution's id.
        gpkg.createFeatureTable(FeatureTableMetadata.create(columns, "fid", attributes, box));
    }

    private static void rows(GeoPackage gpkg, SpatialReferenceSystem rd, Layer layer, WKBWriter wkb) throws IOException {
        FeatureDao dao = gpkg.getFeatureDao(layer.name());
        for (Layer.Feature f : layer.features()) {
            FeatureRow row = dao.newRow();
            GeoPackageGeometryData geometry = GeoPackageGeometryData.createAndBuildEnvelope(GeometryReader.readGeometry(wkb.write(f.rd())));
            geometry.setSrsId((int) rd.getSrsId());
            row.setGeometry(geometry);
            f.values().forEach(row::setValue);
            dao.create(row);
        }
    }
}
