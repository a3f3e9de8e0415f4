package nl.zorgbeeld.alert;

/**
 * An institution an alert resolves to, before it is stored as a recipient: reference data, whether
 * some user speaks for it ({@code connected}), and its zone and distance in the analysis (null when
 * it was chosen otherwise).
 */
public record Candidate(String id, String name, String type, String organisation, String regionCode, String phone, String email,
                        boolean connected, String zone, Double distance) {

    public Candidate withConnected(boolean value) {
        return new Candidate(id, name, type, organisation, regionCode, phone, email, value, zone, distance);
    }
}
