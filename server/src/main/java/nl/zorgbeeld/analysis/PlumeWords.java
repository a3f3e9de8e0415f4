package nl.zorgbeeld.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import nl.zorgbeeld.plume.ForecastReach;
import nl.zorgbeeld.plume.Threat;

/**
 * The plume's part of the analysis in numbers and Dutch words: concentrations, arrival times, the
 * forecast's hours ("In zone AGW van de pluim; geschat 230 mg/m³ (hartlijn 410 mg/m³); aankomst na ca. 12 min").
 */
final class PlumeWords {
    private static final ZoneId LOCAL = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(LOCAL);
    /** Three significant digits: a Gaussian plume estimate is good to a factor of about two, no better. */
    private static final MathContext SIGNIFICANT = new MathContext(3);

    private PlumeWords() {}

    /** A concentration to three significant digits; null stays null. */
    static Double significant(Double value) {
        if (value == null || value == 0 || !Double.isFinite(value)) return value;
        return new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }

    /** "230", "1,5", "0,0123": three significant digits with a decimal comma (also what a Dutch spreadsheet reads). */
    static String number(double value) {
        if (value == 0) return "0";
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String concentration(double mgPerM3) {
        return number(mgPerM3) + " mg/m³";
    }

    /** Whole minutes after the release began (at least 0); null stays null. */
    static Long minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 60);
    }

    /** "binnen een minuut", "na ca. 12 min", "na ca. 1 u 20 min". */
    static String arrival(double seconds) {
        long minutes = Math.round(seconds / 60);
        if (minutes < 1) return "binnen een minuut";
        if (minutes < 60) return "na ca. " + minutes + " min";
        return "na ca. " + minutes / 60 + " u" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /** The hour in the Netherlands: 14:00. */
    static String clock(Instant time) {
        return CLOCK.format(time);
    }

    /** How the plume threatens a place, in one sentence without its full stop. */
    static String threat(Threat t) {
        StringBuilder s = new StringBuilder();
        if (t.zone() != null) {
            s.append("In zone ").append(t.zone().code()).append(" van de pluim");
            if (t.concentration() != null) {
                s.append("; geschat ").append(concentration(t.concentration()));
                if (t.centreLine() != null) s.append(" (hartlijn ").append(concentration(t.centreLine())).append(')');
            }
        } else {
            s.append("Binnen de onzekerheidsmarge van zone ").append(t.confidenceZone().code()).append(" (als de wind draait)");
            if (t.worstInConfidence() != null) s.append("; tot ").append(concentration(t.worstInConfidence()));
        }
        if (t.arrivalSeconds() != null) s.append("; aankomst ").append(arrival(t.arrivalSeconds()));
        return s.toString();
    }

    /** "Prognose: vanaf 14:00 in VRW, vanaf 16:00 in AGW". */
    static String reach(ForecastReach r) {
        String first = "Prognose: vanaf " + clock(r.firstAffected()) + " in " + r.firstZone().code();
        return r.worstZone() == r.firstZone() ? first : first + ", vanaf " + clock(r.worstFrom()) + " in " + r.worstZone().code();
    }

    /** The exposure's sentence with the plume's and the forecast's added, each as a sentence of its own. */
    static String withPlume(String description, Threat threat, ForecastReach reach) {
        StringBuilder s = new StringBuilder(description == null ? "" : description);
        if (threat != null) s.append(s.isEmpty() ? "" : ". ").append(threat(threat));
        if (reach != null) s.append(s.isEmpty() ? "" : ". ").append(reach(reach));
        return s.toString();
    }
}
