package nl.zorgbeeld.picture;

import nl.zorgbeeld.common.Coded;

/** Whose picture it is: the safety region's, the GHOR's, or a participating institution's own. */
public enum PictureKind implements Coded {
    MULTIDISCIPLINAIR("multidisciplinair", "Multidisciplinair beeld"),
    GENEESKUNDIG("geneeskundig", "Geneeskundig beeld"),
    EIGEN("eigen", "Eigen beeld");

    private final String code;
    private final String label;

    PictureKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
