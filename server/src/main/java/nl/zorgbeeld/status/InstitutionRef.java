package nl.zorgbeeld.status;

/** The institution a status is about, from the reference layer (position in WGS84). */
public record InstitutionRef(String id, String name, String type, String regionCode, boolean connected, Double lon, Double lat) {}
