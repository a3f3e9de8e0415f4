package nl.zorgbeeld.incident;

/** Who holds the regie (lead) over the picture: a person and their organisation. */
public record Regie(String person, String organisation) {}
