package nl.zorgbeeld.incident;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** One incident with the history of who held the regie. */
public record IncidentDetail(@JsonUnwrapped Incident incident, List<RegieChange> regieHistory) {}
