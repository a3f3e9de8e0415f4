package nl.zorgbeeld.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.zorgbeeld.common.Json;

/** The institution-type vocabulary shipped in data/vocabularies, loaded once from the classpath. */
public final class InstitutionTypes {
    private static final String RESOURCE = "/data/vocabularies/institution-types.json";
    private final Map<String, InstitutionType> byCode = new LinkedHashMap<>();

    private InstitutionTypes(List<InstitutionType> types) {
        for (InstitutionType t : types) byCode.put(t.code(), t);
    }

    public static InstitutionTypes load() {
        try (InputStream in = InstitutionTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE + " on the classpath");
            JsonNode root = Json.MAPPER.readTree(in);
            return new InstitutionTypes(Json.MAPPER.convertValue(root.get("types"), new TypeReference<List<InstitutionType>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<InstitutionType> all() { return List.copyOf(byCode.values()); }

    public Optional<InstitutionType> byCode(String code) { return Optional.ofNullable(byCode.get(code)); }

    public boolean isCode(String code) { return byCode.containsKey(code); }

    /** A code, a label or a synonym, as a register or file name may spell it. */
    public Optional<InstitutionType> match(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (byCode.containsKey(value)) return Optional.of(byCode.get(value));
        for (InstitutionType t : byCode.values()) {
            if (t.label().toLowerCase(Locale.ROOT).equals(value) || t.synonyms().contains(value)) return Optional.of(t);
        }
        for (InstitutionType t : byCode.values()) {
            for (String s : t.synonyms()) {
                if (s.length() >= 4 && value.contains(s)) return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type a file is about, from the start of its name (ziekenhuizen_..., vvt_...). */
    public Optional<InstitutionType> matchFileName(String fileName) {
        String stem = fileName.toLowerCase(Locale.ROOT).replaceAll("\\.(geojson|json|csv)$", "");
        InstitutionType best = null;
        int bestLength = 0;
        for (InstitutionType t : byCode.values()) {
            for (String s : t.synonyms()) {
                String token = s.replace(' ', '-');
                if ((stem.equals(token) || stem.startsWith(token + "_") || stem.startsWith(token + "-") || stem.startsWith(token + "."))
                        && token.length() > bestLength) {
                    best = t;
                    bestLength = token.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
