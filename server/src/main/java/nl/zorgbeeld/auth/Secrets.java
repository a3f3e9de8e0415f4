package nl.zorgbeeld.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, API tokens, CSRF tokens, enrolment codes) and their stored form.
 * They carry 256 bits of randomness, so a SHA-256 hash is enough to store them: nobody can guess a
 * value from its hash, and no slow hash is needed as for passwords.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for each other when read aloud or typed over. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private Secrets() {}

    /** 32 random bytes, URL-safe Base64 without padding. */
    public static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A one-time code for people to type: 12 characters in groups of four (about 60 bits). */
    public static String code() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) code.append('-');
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** A typed code in its canonical form: upper case, without spaces and dashes. */
    public static String normaliseCode(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The stored form of a secret: SHA-256, hexadecimal. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares in constant time, so the time taken tells nothing about how much matched. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
