package nl.zorgbeeld.picture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.picture.Freshness.FirstDescription;
import nl.zorgbeeld.picture.Freshness.Norms;
import nl.zorgbeeld.picture.Freshness.ThemeFreshness;

/** The freshness part of a picture view: the norms, the first description and the age of every theme. */
public record FreshnessReport(long incidentId, OffsetDateTime evaluatedAt, Norms norms, FirstDescription firstDescription,
                              int staleThemes, List<PictureFreshness> pictures) {

    public record PictureFreshness(long pictureId, PictureKind kind, String organisation, FirstDescription firstDescription,
                                   List<ThemeEntry> themes) {}

    public record ThemeEntry(long themeId, String name, @JsonUnwrapped ThemeFreshness freshness) {}

    public static FreshnessReport of(PictureView view) {
        List<PictureFreshness> pictures = view.pictures().stream().map(s -> new PictureFreshness(s.picture().id(), s.picture().kind(),
                s.picture().organisation(), s.firstDescription(),
                s.themes().stream().map(t -> new ThemeEntry(t.id(), t.name(), t.freshness())).toList())).toList();
        int stale = (int) pictures.stream().flatMap(p -> p.themes().stream()).filter(t -> t.freshness().stale()).count();
        return new FreshnessReport(view.incident().id(), view.evaluatedAt(), view.norms(), view.firstDescription(), stale, pictures);
    }
}
