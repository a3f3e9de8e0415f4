package nl.zorgbeeld.regie;

import io.javalin.config.RoutesConfig;
import nl.zorgbeeld.picture.PictureModule;

/** The regie's tools inside an incident: regie checks on the picture and the picture-quality indicators. */
public final class RegieModule {
    private final CheckHandler checks;
    private final QualityHandler quality;

    public RegieModule(PictureModule pictures) {
        CheckStore checkStore = new CheckStore();
        checks = new CheckHandler(new CheckService(pictures.transactions(), pictures.incidents(), checkStore));
        quality = new QualityHandler(new QualityService(pictures.transactions(), pictures.pictures(), checkStore, new QualityStore()));
    }

    public void register(RoutesConfig routes) {
        checks.register(routes);
        quality.register(routes);
    }
}
