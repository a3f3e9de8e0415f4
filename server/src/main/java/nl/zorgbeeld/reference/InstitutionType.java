package nl.zorgbeeld.reference;

import java.util.List;

/** One entry of the institution-type vocabulary (data/vocabularies/institution-types.json). */
public record InstitutionType(String code, String label, boolean acute, String color, String shape, List<String> synonyms) {}
