package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against the test vectors of RFC 6238 (appendix B), the clock-drift window and replay refusal; argon2id's parameters. */
class TotpTest {
    private static final String SHA1_SEED = "12345678901234567890";
    private static final String SHA256_SEED = "12345678901234567890123456789012";
    private static final String SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234";

    @ParameterizedTest(name = "{0} s")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826",
    })
    void rfc6238Vectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(sha1, new Totp(8, "HmacSHA1").code(bytes(SHA1_SEED), step));
        assertEquals(sha256, new Totp(8, "HmacSHA256").code(bytes(SHA256_SEED), step));
        assertEquals(sha512, new Totp(8, "HmacSHA512").code(bytes(SHA512_SEED), step));
    }

    @Test
    void theStandardCodeIsTheLastSixDigitsOfTheVector() {
        String secret = new Base32().encodeToString(bytes(SHA1_SEED));
        assertEquals("287082", new Totp().code(secret, Instant.ofEpochSecond(59)));
        assertEquals("005924", new Totp().code(secret, Instant.ofEpochSecond(1234567890)));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        Totp totp = new Totp();
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        String current = totp.code(secret, now);
        assertEquals(step, totp.verify(secret, current, now, null).getAsLong());
        assertEquals(step - 1, totp.verify(secret, totp.code(secret, now.minusSeconds(30)), now, null).getAsLong());
        assertEquals(step + 1, totp.verify(secret, totp.code(secret, now.plusSeconds(30)), now, null).getAsLong());
        assertTrue(totp.verify(secret, totp.code(secret, now.minusSeconds(90)), now, null).isEmpty(), "outside the window");
        assertTrue(totp.verify(secret, current, now, step).isEmpty(), "the step was used: a replay");
        assertTrue(totp.verify(secret, totp.code(secret, now.minusSeconds(30)), now, step).isEmpty(), "an older step after a newer one");
        assertTrue(totp.verify(secret, "12345", now, null).isEmpty());
        assertTrue(totp.verify(secret, "abcdef", now, null).isEmpty());
        assertFalse(totp.verify(secret, current.substring(0, 3) + " " + current.substring(3), now, null).isEmpty(),
                "a space in a typed code is ignored");
    }

    @Test
    void theOtpauthAddressNamesIssuerAccountAndSecret() {
        String uri = Totp.uri("Zorgbeeld", "demo-hin", "ABCDEFGH");
        assertEquals("otpauth://totp/Zorgbeeld:demo-hin?secret=ABCDEFGH&issuer=Zorgbeeld&algorithm=SHA1&digits=6&period=30", uri);
        assertTrue(QrSvg.of(uri).startsWith("<svg"));
    }

    @Test
    void passwordsAreArgon2idAtOwaspsMinimumOrAbove() {
        String hash = Passwords.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$"), hash);
        var params = java.util.regex.Pattern.compile("m=(\\d+),t=(\\d+),p=(\\d+)").matcher(hash);
        assertTrue(params.find(), hash);
        assertTrue(Integer.parseInt(params.group(1)) >= 19 * 1024, "memory at least 19 MiB");
        assertTrue(Integer.parseInt(params.group(2)) >= 2, "at least 2 iterations");
        assertTrue(Passwords.matches("correct horse battery staple", hash));
        assertFalse(Passwords.matches("correct horse battery stapler", hash));
        assertFalse(Passwords.matches("anything", null));
        assertFalse(hash.equals(Passwords.hash("correct horse battery staple")), "every hash has its own salt");
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
