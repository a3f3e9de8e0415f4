package nl.zorgbeeld.plume;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Polygon;

/** Makes the Gaussian plume: the zones per threshold, their confidence lines and the warnings. */
final class GaussianMethod {
    static final double FAR_FIELD = 10_000;
    static final double NEAR_FIELD = 100;
    static final double HIGH_RELEASE = 50;

    private GaussianMethod() {}

    static Plume plume(GaussianInput input) {
        SourceTerm release = input.release();
        Weather weather = input.weather();
        Wind wind = weather.wind();
        StabilityClass stability = weather.stabilityClass();
        double speed = input.windProfile() ? WindProfile.atHeight(wind.speed(), release.releaseHeight(), stability) : wind.speed();
        GaussianPlume model = new GaussianPlume(release.releaseRate().gramsPerSecond(), release.releaseHeight(), speed, stability);
        double halfAngle = input.halfAngle() != null ? input.halfAngle() : ConfidenceAngle.forWindSpeed(wind.speed());
        PlumeFrame frame = PlumeFrame.of(release.source(), wind.direction());

        List<PlumeZone> zones = new ArrayList<>();
        List<ConfidenceLine> confidence = new ArrayList<>();
        List<Notice> warnings = new ArrayList<>();
        if (wind.belowValidity()) warnings.add(Notices.windBelowValidity(wind.speed()));
        if (release.releaseHeight() > HIGH_RELEASE) warnings.add(Notices.highRelease(release.releaseHeight()));
        double farthest = 0;
        for (ZoneProfile profile : ContourTracer.trace(model, input.thresholds())) {
            ZoneLevel level = profile.level();
            if (profile.isEmpty()) {
                zones.add(new PlumeZone(level, Geometries.RD.createPolygon(), 0.0, profile.threshold(), false));
                warnings.add(Notices.notReached(level, profile.threshold()));
                continue;
            }
            Polygon area = profile.polygon(frame);
            double reach = profile.end();
            farthest = Math.max(farthest, reach);
            zones.add(new PlumeZone(level, area, reach, profile.threshold(), profile.clipped()));
            confidence.add(ConfidenceSweep.sweep(profile, frame, halfAngle));
            if (profile.clipped()) warnings.add(Notices.clipped(level, ContourTracer.MAX_X));
            else if (reach > FAR_FIELD) warnings.add(Notices.beyondTenKilometres(level, reach));
            if (reach < NEAR_FIELD) warnings.add(Notices.nearSourceOnly(level, reach));
        }
        double travelled = speed * release.duration();
        if (travelled < farthest) warnings.add(Notices.shortRelease(release.duration(), travelled));

        ModelSummary summary = new ModelSummary(ModelSummary.NAME, ModelSummary.DISPERSION, stability, weather.fromTable(),
                model.gramsPerSecond(), speed, input.windProfile(), halfAngle, input.halfAngle() == null,
                "about 10 minutes", ContourTracer.MAX_X, ModelSummary.REFERENCES);
        return new Plume(input, zones, confidence, summary, Notices.GAUSSIAN_LIMITS, warnings, frame, speed, model);
    }
}
