package nl.zorgbeeld.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rights table of docs/security.md, generated from {@link AccessRules} (a test keeps the document equal to it). */
public final class AccessTable {
    public static final String START = "<!-- rights-table:start (generated from AccessRules by AccessTable; do not edit by hand) -->";
    public static final String END = "<!-- rights-table:end -->";
    private static final String NO = "—";

    private AccessTable() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder("| route | without login |");
        for (Role role : Role.values()) md.append(' ').append(role.code()).append(" |");
        md.append("\n|---|---|");
        md.append("---|".repeat(Role.values().length)).append('\n');
        for (Rule rule : AccessRules.all()) {
            md.append("| `").append(rule.method().name()).append(' ').append(rule.path()).append("` | ")
                    .append(rule.audience() == Rule.Audience.PUBLIC ? "yes" : NO).append(" |");
            for (Role role : Role.values()) md.append(' ').append(cell(rule, role)).append(" |");
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(Rule rule, Role role) {
        return switch (rule.audience()) {
            case PUBLIC -> "yes";
            case SIGNED_IN -> rule.sessionOnly() ? "yes (browser session)" : "yes";
            case ROLES -> {
                List<Condition> conditions = rule.grants().get(role);
                if (conditions == null) yield NO;
                if (conditions.isEmpty()) yield "yes";
                Set<String> texts = new LinkedHashSet<>();
                for (Condition c : conditions) texts.add(c.description());
                yield String.join("; ", texts);
            }
        };
    }
}
