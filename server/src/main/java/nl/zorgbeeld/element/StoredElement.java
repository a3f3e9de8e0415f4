package nl.zorgbeeld.element;

import java.util.UUID;

/** The current version of an element, as far as locking needs it; {@code feature} is its GeoJSON. */
public record StoredElement(UUID id, long incidentId, int version, String feature) {}
