package nl.zorgbeeld.snapshot;

import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentState;
import nl.zorgbeeld.picture.Freshness.ThemeFreshness;
import nl.zorgbeeld.picture.Picture;
import nl.zorgbeeld.picture.PictureKind;
import nl.zorgbeeld.picture.PictureView;
import nl.zorgbeeld.picture.Summary;
import nl.zorgbeeld.reference.InstitutionType;
import nl.zorgbeeld.reference.InstitutionTypes;

/** The Dutch words the page and the PDF share, so both say the same. */
final class Words {
    static final String EXERCISE = "OEFENING";
    static final String EXERCISE_NOTE = "Dit is een oefening. Niets in dit beeld betreft een echt incident.";

    private static final InstitutionTypes TYPES = InstitutionTypes.load();

    private Words() {}

    /** "Brand · GRIP 2 · Crisiszorg · Actief". */
    /** "Medisch beeld", or "Eigen beeld: Ziekenhuis X" for an own picture. */
    static String pictureTitle(PictureView.Section section) {
        Picture picture = section.picture();
        return picture.kind().label() + (picture.kind() == PictureKind.EIGEN ? ": " + picture.organisation() : "");
    }

    /** "Bijgewerkt op ... door Hanna (GHOR)": who wrote the summary's version shown, and when. */
    static String summaryBy(Summary summary) {
        return "Bijgewerkt op " + DutchTime.full(summary.updatedAt()) + " door " + summary.author()
                + (summary.organisation() == null ? "" : " (" + summary.organisation() + ")") + ", versie " + summary.version() + ".";
    }

    static String facts(Incident incident) {
        IncidentState s = incident.state();
        return s.type().label() + " · " + s.grip().label() + " · " + s.carePhase().label() + " · " + s.status().label();
    }

    static String regie(Incident incident) {
        return incident.state().regie().person() + " (" + incident.state().regie().organisation() + ")";
    }

    static String type(String code) {
        return code == null ? "" : TYPES.byCode(code).map(InstitutionType::label).orElse(code);
    }

    /** "bijgewerkt 23-11-2026 10:15 (12 min geleden)", "verouderd", "leeg". */
    static String freshness(ThemeFreshness f) {
        if (f == null || f.lastChangedAt() == null) return "nog niets gemeld";
        String text = "bijgewerkt " + DutchTime.brief(f.lastChangedAt()) + " (" + DutchTime.age(f.ageSeconds()) + " oud)";
        if (f.empty()) return text + ", geen actuele berichten";
        return f.stale() ? text + ", VEROUDERD" : text;
    }

    static String yesNo(boolean value) {
        return value ? "ja" : "nee";
    }

    /** "Overgenomen als archief (alleen lezen) uit incident 12 ...": where a restored incident came from. */
    static String origin(Incident incident) {
        var o = incident.origin();
        if (o == null) return null;
        String how = o.readOnly() ? "Archief (alleen lezen)" : "Overgedragen incident";
        return how + ": overgenomen uit momentopname van incident " + o.sourceIncidentId() + " (" + o.sourceTitle() + ") van "
                + DutchTime.full(o.snapshotShows()) + ", ingelezen op " + DutchTime.full(o.restoredAt()) + ".";
    }
}
