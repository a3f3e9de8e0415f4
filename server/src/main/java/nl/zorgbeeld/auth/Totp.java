package nl.zorgbeeld.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238): 6 digits, HMAC-SHA1, 30-second steps, as every
 * authenticator app does. A code is accepted for the current step and one step either side (clock
 * drift), and only when its step is later than the last accepted one, so a code cannot be replayed.
 */
public final class Totp {
    public static final Duration STEP = Duration.ofSeconds(30);
    static final int WINDOW = 1;
    private static final int SECRET_BYTES = 20;
    private static final Base32 BASE32 = new Base32();

    private final TimeBasedOneTimePasswordGenerator generator;
    private final String algorithm;
    private final int digits;

    /** The standard generator: 6 digits, HMAC-SHA1. */
    public Totp() {
        this(6, "HmacSHA1");
    }

    /** Another variant of RFC 6238 (its test vectors use 8 digits and SHA-256 and SHA-512 too). */
    public Totp(int digits, String algorithm) {
        this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
        this.algorithm = algorithm;
        this.digits = digits;
    }

    /** A new random secret (160 bits), Base32 as authenticator apps expect it. */
    public static String newSecret() {
        return BASE32.encodeToString(Secrets.bytes(SECRET_BYTES)).replace("=", "");
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for a time step, zero-padded. */
    public String code(byte[] key, long step) {
        try {
            int code = generator.generateOneTimePassword(new SecretKeySpec(key, algorithm), Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format("%0" + digits + "d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC key of any length is valid", e);
        }
    }

    /** The code of a Base32 secret at a moment. */
    public String code(String base32Secret, Instant at) {
        return code(decode(base32Secret), step(at));
    }

    /**
     * The step a typed code belongs to, when it is valid at {@code now} and newer than
     * {@code lastStep} (null: no code accepted yet); empty otherwise.
     */
    public OptionalLong verify(String base32Secret, String typed, Instant now, Long lastStep) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!code.matches("[0-9]{" + digits + "}")) return OptionalLong.empty();
        byte[] key = decode(base32Secret);
        long current = step(now);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (lastStep != null && step <= lastStep) continue;
            if (Secrets.same(code(key, step), code)) return OptionalLong.of(step);
        }
        return OptionalLong.empty();
    }

    public static byte[] decode(String base32Secret) {
        return BASE32.decode(base32Secret.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
    }

    /** The otpauth:// address an authenticator app reads from the QR code (Key Uri Format). */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
