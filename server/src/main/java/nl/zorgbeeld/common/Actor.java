package nl.zorgbeeld.common;

/** Who makes a change: a person and the organisation they act for. Recorded with every change. */
public record Actor(String author, String organisation) {}
