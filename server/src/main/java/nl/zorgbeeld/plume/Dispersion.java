package nl.zorgbeeld.plume;

/**
 * Pasquill-Gifford dispersion coefficients for open (rural) country in the ISC3 form: the
 * crosswind and vertical standard deviations sigma-y and sigma-z of the plume, in metres, as
 * functions of the downwind distance. These are the formulas of the EPA's Industrial Source Complex
 * model, U.S. EPA (1995), User's Guide for the Industrial Source Complex (ISC3) Dispersion Models,
 * Vol. II, Description of Model Algorithms, EPA-454/B-95-003b (rural Pasquill-Gifford parameters),
 * also printed in Boubel, Fox, Turner and Stern (1994), Fundamentals of Air Pollution, 3rd ed.,
 * Tables 19-4 and 19-5. They reproduce the Pasquill-Gifford curves of Turner (1970), Workbook of
 * Atmospheric Dispersion Estimates, Figures 3-2 and 3-3, which hold for about 10-minute averages
 * over open, level ground.
 *
 * <pre>
 * sigma-y = 465.11628 x tan(TH),  TH = 0.017453293 (c - d ln x)   (x in km, TH in radians)
 * sigma-z = a x^b, with a and b per class and range of x; capped at 5000 m for A and B
 * </pre>
 *
 * The ISC3 form was chosen over Briggs' (1973) rural fits because it follows the Pasquill-Gifford
 * curves themselves, which the textbook examples use, and it holds from 100 m out to 100 km.
 */
public final class Dispersion {
    private static final double SIGMA_Y = 465.11628;
    private static final double DEGREE = 0.017453293;
    private static final double SIGMA_Z_CAP = 5000;
    private static final double[] C = {24.1670, 18.3330, 12.5000, 8.3330, 6.2500, 4.1667};
    private static final double[] D = {2.5334, 1.8096, 1.0857, 0.72382, 0.54287, 0.36191};
    private static final double INF = Double.POSITIVE_INFINITY;
    /** Per class: the upper end (km, inclusive) of each range of x, and a and b in it. */
    private static final double[][] UPPER = {
        {0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 0.50, INF},
        {0.20, 0.40, INF},
        {INF},
        {0.30, 1.00, 3.00, 10.00, 30.00, INF},
        {0.10, 0.30, 1.00, 2.00, 4.00, 10.00, 20.00, 40.00, INF},
        {0.20, 0.70, 1.00, 2.00, 3.00, 7.00, 15.00, 30.00, 60.00, INF},
    };
    private static final double[][] A = {
        {122.800, 158.080, 170.220, 179.520, 217.410, 258.890, 346.750, 453.850},
        {90.673, 98.483, 109.300},
        {61.141},
        {34.459, 32.093, 32.093, 33.504, 36.650, 44.053},
        {24.260, 23.331, 21.628, 21.628, 22.534, 24.703, 26.970, 35.420, 47.618},
        {15.209, 14.457, 13.953, 13.953, 14.823, 16.187, 17.836, 22.651, 27.074, 34.219},
    };
    private static final double[][] B = {
        {0.94470, 1.05420, 1.09320, 1.12620, 1.26440, 1.40940, 1.72830, 2.11660},
        {0.93198, 0.98332, 1.09710},
        {0.91465},
        {0.86974, 0.81066, 0.64403, 0.60486, 0.56589, 0.51179},
        {0.83660, 0.81956, 0.75660, 0.63077, 0.57154, 0.50527, 0.46713, 0.37615, 0.29592},
        {0.81558, 0.78407, 0.68465, 0.63227, 0.54503, 0.46490, 0.41507, 0.32681, 0.27436, 0.21716},
    };

    private Dispersion() {}

    /** Crosswind sigma-y in metres at {@code x} metres downwind (x above 0). */
    public static double sigmaY(StabilityClass stability, double x) {
        double km = x / 1000;
        int i = stability.ordinal();
        return SIGMA_Y * km * Math.tan(DEGREE * (C[i] - D[i] * Math.log(km)));
    }

    /** Vertical sigma-z in metres at {@code x} metres downwind (x above 0). */
    public static double sigmaZ(StabilityClass stability, double x) {
        double km = x / 1000;
        int i = stability.ordinal();
        double[] upper = UPPER[i];
        int range = 0;
        while (km > upper[range]) range++;
        double sigma = A[i][range] * Math.pow(km, B[i][range]);
        boolean capped = stability == StabilityClass.A || stability == StabilityClass.B;
        return capped ? Math.min(sigma, SIGMA_Z_CAP) : sigma;
    }

    /** The distances in metres where sigma-z changes from one range's a and b to the next. */
    static double[] breakpoints(StabilityClass stability) {
        double[] upper = UPPER[stability.ordinal()];
        double[] metres = new double[upper.length - 1];
        for (int i = 0; i < metres.length; i++) metres[i] = upper[i] * 1000;
        return metres;
    }
}
