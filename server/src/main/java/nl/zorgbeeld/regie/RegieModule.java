package nl.zorgbeeld.regie;

import io.javalin.config.RoutesConfig;
import nl.zorgbeeld.picture.PictureModule;

/** The regie's tools inside an incident: regie checks on the picture and the picture-quality indicators. */
public final class RegieModule {
    private final CheckHandler checks;

    public RegieModule(PictureModule pictures) {
        checks = new CheckHandler(new CheckService(pictures.transactions(), pictures.incidents(), new CheckStore()));
    }

    public void register(RoutesConfig routes) {
        checks.register(routes);
    }
}
