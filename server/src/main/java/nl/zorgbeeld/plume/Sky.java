package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;

/**
 * What the sky looks like, when the stability class is not given but read from Pasquill's table.
 *
 * @param daytime    between an hour after sunrise and an hour before sunset
 * @param cloudCover cloud cover in octas, 0 (clear) to 8 (overcast)
 * @param insolation the incoming sunshine by day, when known; otherwise derived from the cloud cover
 */
public record Sky(boolean daytime, int cloudCover, Insolation insolation) {
    public Sky {
        if (cloudCover < 0 || cloudCover > 8) {
            throw ApiException.badBody("cloudCover", "cloudCover must be a whole number of octas from 0 (clear) to 8 (overcast); got " + cloudCover);
        }
        if (insolation != null && !daytime) {
            throw ApiException.badBody("insolation", "insolation applies by day only; leave it out when daytime is false");
        }
    }

    /** The insolation by day: as given, else moderate up to 4/8 cloud and slight above (see {@link PasquillTable}). */
    public Insolation dayInsolation() {
        if (insolation != null) return insolation;
        return cloudCover <= 4 ? Insolation.MODERATE : Insolation.SLIGHT;
    }
}
