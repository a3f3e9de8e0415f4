package nl.zorgbeeld.alert;

import nl.zorgbeeld.common.Coded;

/**
 * The CAP 1.2 vocabularies an alert uses, with the CAP value as the code (API, database and XML
 * alike) and a Dutch label for the screen.
 */
public final class CapCodes {
    private CapCodes() {}

    public enum MsgType implements Coded {
        ALERT("Alert", "Alarm"), UPDATE("Update", "Bijwerking"), CANCEL("Cancel", "Intrekking");

        private final String code;
        private final String label;

        MsgType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    public enum ResponseType implements Coded {
        SHELTER("Shelter", "Schuilen: ramen en deuren dicht, ventilatie uit"),
        EVACUATE("Evacuate", "Evacueren"),
        PREPARE("Prepare", "Voorbereiden"),
        EXECUTE("Execute", "Uitvoeren volgens plan"),
        AVOID("Avoid", "Gebied mijden"),
        MONITOR("Monitor", "Volgen"),
        ASSESS("Assess", "Beoordelen"),
        ALL_CLEAR("AllClear", "Sein veilig"),
        NONE("None", "Geen actie");

        private final String code;
        private final String label;

        ResponseType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    public enum Urgency implements Coded {
        IMMEDIATE("Immediate", "Onmiddellijk"), EXPECTED("Expected", "Binnen het uur"), FUTURE("Future", "Later"),
        PAST("Past", "Voorbij"), UNKNOWN("Unknown", "Onbekend");

        private final String code;
        private final String label;

        Urgency(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    public enum Severity implements Coded {
        EXTREME("Extreme", "Levensbedreigend"), SEVERE("Severe", "Ernstig"), MODERATE("Moderate", "Matig"),
        MINOR("Minor", "Gering"), UNKNOWN("Unknown", "Onbekend");

        private final String code;
        private final String label;

        Severity(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    public enum Certainty implements Coded {
        OBSERVED("Observed", "Waargenomen"), LIKELY("Likely", "Waarschijnlijk"), POSSIBLE("Possible", "Mogelijk"),
        UNLIKELY("Unlikely", "Onwaarschijnlijk"), UNKNOWN("Unknown", "Onbekend");

        private final String code;
        private final String label;

        Certainty(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    public enum Category implements Coded {
        GEO("Geo", "Geofysisch"), MET("Met", "Weer"), SAFETY("Safety", "Veiligheid"), SECURITY("Security", "Beveiliging"),
        RESCUE("Rescue", "Redding"), FIRE("Fire", "Brand"), HEALTH("Health", "Gezondheid"), ENV("Env", "Milieu"),
        TRANSPORT("Transport", "Vervoer"), INFRA("Infra", "Infrastructuur"), CBRNE("CBRNE", "Gevaarlijke stoffen (CBRNE)"),
        OTHER("Other", "Overig");

        private final String code;
        private final String label;

        Category(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }

        /** The category that fits an incident type (its code), editable by the sender. */
        public static Category forIncidentType(String type) {
            return switch (type) {
                case "brand" -> FIRE;
                case "gevaarlijke_stoffen" -> CBRNE;
                case "infectieziekte" -> HEALTH;
                case "uitval_nutsvoorziening", "ict_uitval" -> INFRA;
                case "hoog_water" -> MET;
                case "ongeval" -> RESCUE;
                case "evenement" -> SAFETY;
                default -> OTHER;
            };
        }
    }
}
