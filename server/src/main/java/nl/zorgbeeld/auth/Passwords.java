package nl.zorgbeeld.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with argon2id at OWASP's recommended minimum (19 MiB of memory, 2 iterations,
 * 1 lane), stored in the PHC string form that carries its own parameters and salt, so stronger
 * parameters can be introduced later without invalidating stored hashes.
 */
public final class Passwords {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, 19);
    /** Checked against when the login is unknown, so that an unknown login takes as long as a wrong password. */
    private static final String DUMMY = hash("no user has this password, it only costs time");

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
    }

    /** Whether {@code password} matches {@code stored}; a null {@code stored} (no password) never matches. */
    public static boolean matches(String password, String stored) {
        if (stored == null) {
            Password.check(password, DUMMY).with(ARGON2ID);
            return false;
        }
        return Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
    }

    /** Spends the time of one check, for a login that does not exist. */
    public static void waste(String password) {
        matches(password, null);
    }
}
