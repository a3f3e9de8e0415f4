package nl.zorgbeeld.picture;

/** Length limits of the picture's texts, in characters; the database checks the same. */
final class Limits {
    /** A bullet is a short entry: a few sentences at most. */
    static final int TEXT = 1000;
    static final int SOURCE = 200;
    static final int NAME = 200;
    static final int THEME_NAME = 100;
    static final int REASON = 200;
    static final int COUNT = 100_000;

    private Limits() {}
}
