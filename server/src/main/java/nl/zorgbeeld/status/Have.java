package nl.zorgbeeld.status;

import java.util.Locale;

/**
 * EDXL-HAVE 2.0 as Zorgbeeld writes and reads it: the namespaces and the media type. The mapping of
 * every field is in docs/api/status.md. Fields HAVE has no element for (medium-care beds, casualties
 * received, decontamination per hour, continuity problems) travel in Zorgbeeld's own extension
 * namespace, so that an export read back in loses nothing.
 */
final class Have {
    static final String NS = "urn:oasis:names:tc:emergency:edxl:have:2.0";
    static final String XNL = "urn:oasis:names:tc:ciq:xnl:3";
    static final String GML = "http://www.opengis.net/gml/3.2";
    static final String ZB = "urn:zorgbeeld:edxl-have-extension:1";
    static final String MEDIA_TYPE = "application/xml";

    private Have() {}

    /** Whether a namespace is EDXL-HAVE's (2.0, or 1.0 whose hospital elements 2.0 kept), in any letter case. */
    static boolean isHave(String namespace) {
        if (namespace == null) return false;
        String ns = namespace.toLowerCase(Locale.ROOT);
        return ns.equals(NS) || ns.equals("urn:oasis:names:tc:emergency:edxl:have:1.0");
    }
}
