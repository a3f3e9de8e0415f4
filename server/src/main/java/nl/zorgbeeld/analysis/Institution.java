package nl.zorgbeeld.analysis;

/**
 * A care location as the analysis needs it: reference data, contact details and its position in RD
 * New ({@code x}, {@code y}, metres) and WGS84 ({@code lon}, {@code lat}).
 */
public record Institution(String id, String name, String type, String organisation, boolean connected,
                          String regionCode, String regionName, String phone, String email, String street,
                          String houseNumber, String postcode, String city, double x, double y, double lon, double lat) {

    /** "Straat 1, 1234 AB Plaats", from the parts that are known; empty when none is. */
    public String address() {
        String line = join(" ", street, houseNumber);
        String place = join(" ", postcode, city);
        return join(", ", line, place);
    }

    private static String join(String separator, String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        if (hasA && hasB) return a + separator + b;
        return hasA ? a : hasB ? b : "";
    }
}
