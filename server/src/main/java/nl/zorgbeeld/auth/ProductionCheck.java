package nl.zorgbeeld.auth;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What stops production mode from starting: no TLS in front of the app, or demo users (whose password is public). */
public final class ProductionCheck {
    private ProductionCheck() {}

    /** The reasons not to start; empty when production mode may start. */
    public static List<String> problems(AuthSettings settings, DataSource dataSource) {
        List<String> problems = new ArrayList<>();
        if (!settings.tls()) {
            problems.add("ZORGBEELD_MODE=production needs TLS: serve Zorgbeeld behind a TLS-terminating proxy and set"
                    + " ZORGBEELD_PUBLIC_URL=https://... (docs/security.md, production checklist)");
        }
        if (DemoUsers.exist(dataSource)) {
            problems.add("ZORGBEELD_MODE=production refuses to start while demo users exist (their password is public):"
                    + " use a database without them (docs/security.md, production checklist)");
        }
        return problems;
    }
}
