package nl.zorgbeeld.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.common.ApiException;

/**
 * The buffer distances of an analysis in metres, strictly ascending: 1 to {@value #MAX_COUNT} rings,
 * each above 0 and at most {@value #MAX_METRES} m.
 */
public record Rings(List<Double> metres) {
    public static final int MAX_COUNT = 10;
    public static final double MAX_METRES = 50_000;
    public static final Rings DEFAULT = new Rings(List.of(500.0, 1000.0, 2000.0, 5000.0));
    private static final String PARAMETER = "rings";

    public Rings {
        metres = List.copyOf(metres);
    }

    /** The value of the {@code rings} parameter ("500,1000,2000"), or the default rings when absent. */
    public static Rings parse(String value) {
        if (value == null || value.isBlank()) return DEFAULT;
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_COUNT) {
            throw ApiException.badParameter(PARAMETER, "At most " + MAX_COUNT + " rings; got " + parts.length);
        }
        List<Double> metres = new ArrayList<>();
        for (String part : parts) {
            double ring = number(part.trim());
            if (!metres.isEmpty() && ring <= metres.get(metres.size() - 1)) {
                throw ApiException.badParameter(PARAMETER, "Rings must be in ascending order without repeats, in metres"
                        + " (such as 500,1000,2000,5000); " + plain(ring) + " follows " + plain(metres.get(metres.size() - 1)));
            }
            metres.add(ring);
        }
        return new Rings(metres);
    }

    private static double number(String text) {
        double ring;
        try {
            ring = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(PARAMETER, "Each ring is a distance in metres, such as 500; got '" + text + "'");
        }
        if (!Double.isFinite(ring) || ring <= 0 || ring > MAX_METRES) {
            throw ApiException.badParameter(PARAMETER, "Each ring must be more than 0 and at most " + plain(MAX_METRES)
                    + " metres (50 km); got " + text);
        }
        return ring;
    }

    /** The largest ring: nothing farther than this from every hazard is affected. */
    public double max() {
        return metres.get(metres.size() - 1);
    }

    /** The smallest ring that contains {@code distance} (boundary included), or null when outside all. */
    public Zone ringFor(double distance) {
        for (double ring : metres) {
            if (distance <= ring) return Zone.ring(ring);
        }
        return null;
    }

    /** Metres as plain text without a needless fraction: 500, 250.5. */
    public static String plain(double metres) {
        return BigDecimal.valueOf(metres).stripTrailingZeros().toPlainString();
    }

    /** The rings as the parameter would give them: 500,1000,2000,5000. */
    public String parameter() {
        return String.join(",", metres.stream().map(Rings::plain).toList());
    }
}
