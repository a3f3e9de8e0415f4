package nl.zorgbeeld.importer;

import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Point;

/** Tells from a source's name and first record which layer it fills, or that it is not one. */
final class LayerDetector {
    private LayerDetector() {}

    /** Empty means: not a reference layer (for example the bundled country outlines). */
    static Optional<LayerKind> detect(String sourceName, SourceRecord first) {
        String name = sourceName.toLowerCase(Locale.ROOT);
        String statcode = first.text("statcode");
        if (statcode != null) {
            String prefix = statcode.toUpperCase(Locale.ROOT);
            if (prefix.startsWith("VR")) return Optional.of(LayerKind.SAFETY_REGION);
            if (prefix.startsWith("GM")) return Optional.of(LayerKind.MUNICIPALITY);
            if (prefix.startsWith("PV")) return Optional.of(LayerKind.PROVINCE);
        }
        if (name.contains("veiligheidsregio")) return Optional.of(LayerKind.SAFETY_REGION);
        if (name.contains("gemeente")) return Optional.of(LayerKind.MUNICIPALITY);
        if (name.contains("provincie")) return Optional.of(LayerKind.PROVINCE);
        if ("nederland".equalsIgnoreCase(first.text("statnaam", "name", "naam")) || name.startsWith("nederland")) {
            return Optional.of(LayerKind.LAND_OUTLINE);
        }
        if (first.text("iso_a2") != null) return Optional.empty();
        if (first.text("fullTimeSEH") != null) return Optional.of(LayerKind.HOSPITAL_FLAGS);
        if (first.geometry() == null || first.geometry() instanceof Point) return Optional.of(LayerKind.INSTITUTION);
        throw new ImportException(sourceName + ": cannot tell which layer this is: areas need a statcode (VR.., GM.., PV..)"
                + " or a name with veiligheidsregio/gemeente/provincie; institutions need Point geometries");
    }
}
