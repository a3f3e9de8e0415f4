package nl.zorgbeeld.reference;

/**
 * The reference layers and the SQL that describes each one's GeoJSON properties. Table names and
 * expressions are fixed here in code: nothing in them comes from a request. A feature's source is
 * shown as its attribution and licence from reference_source (alias s, see {@link #sourceJoin()}).
 */
public enum Layer {
    INSTITUTIONS("institutions", "institution",
            "json_build_object('name', t.name, 'type', t.type, 'organisation', t.organisation, 'street', t.street,"
                    + " 'houseNumber', t.house_number, 'postcode', t.postcode, 'city', t.city, 'phone', t.phone,"
                    + " 'email', t.email, 'emergencyDepartment', t.emergency_department, 'nicu', t.nicu,"
                    + " 'connected', t.connected, 'regionCode', t.region_code, 'municipalityCode', t.municipality_code,"
                    + " 'source', coalesce(s.attribution, t.source), 'licence', s.licence, 'demo', t.demo, 'updated', t.updated_at)"),
    SAFETY_REGIONS("safety-regions", "safety_region",
            "json_build_object('code', t.code, 'name', t.name, 'source', coalesce(s.attribution, t.source), 'licence', s.licence,"
                    + " 'demo', t.demo, 'updated', t.updated_at)"),
    MUNICIPALITIES("municipalities", "municipality",
            "json_build_object('code', t.code, 'name', t.name, 'regionCode', t.region_code, 'provinceCode', t.province_code,"
                    + " 'source', coalesce(s.attribution, t.source), 'licence', s.licence, 'demo', t.demo, 'updated', t.updated_at)"),
    PROVINCES("provinces", "province",
            "json_build_object('code', t.code, 'name', t.name, 'source', coalesce(s.attribution, t.source), 'licence', s.licence,"
                    + " 'demo', t.demo, 'updated', t.updated_at)");

    private final String path;
    private final String table;
    private final String properties;

    Layer(String path, String table, String properties) {
        this.path = path;
        this.table = table;
        this.properties = properties;
    }

    public String path() { return path; }
    public String table() { return table; }
    public String propertiesSql() { return properties; }
    public String idColumn() { return this == INSTITUTIONS ? "id" : "code"; }

    /** Joins the row's source (alias s) to the row (alias t), for {@link #propertiesSql()}. */
    public String sourceJoin() {
        return " LEFT JOIN reference_source s ON s.layer = '" + path + "' AND s.source = t.source";
    }
}
