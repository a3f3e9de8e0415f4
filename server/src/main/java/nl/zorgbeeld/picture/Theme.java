package nl.zorgbeeld.picture;

/** A theme of a template, as it is or was at some moment. {@code required} themes make up the first complete description. */
public record Theme(long id, long templateId, String name, int position, boolean required, int version) {}
