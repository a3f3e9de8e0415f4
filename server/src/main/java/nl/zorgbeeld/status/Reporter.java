package nl.zorgbeeld.status;

import java.util.function.Predicate;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Visibility;

/**
 * Who writes a status report: the logged-in user as the report records it, the institutions it may
 * see, and the ones it may report for (auth's rule, applied to each institution of an import).
 */
record Reporter(Actor actor, Visibility visibility, Predicate<InstitutionRef> mayReport) {}
