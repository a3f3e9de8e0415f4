package nl.zorgbeeld.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook channel: the message as JSON in a POST, signed so that the receiver can tell it came
 * from this Zorgbeeld and was not changed or replayed: {@code X-Zorgbeeld-Signature: sha256=<hex>},
 * the HMAC-SHA256 under the channel's secret of {@code <X-Zorgbeeld-Timestamp>.<body>}.
 */
final class Webhooks {
    static final String SIGNATURE = "X-Zorgbeeld-Signature";
    static final String TIMESTAMP = "X-Zorgbeeld-Timestamp";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @return the receiver's status; IOException when it cannot be reached */
    int send(String url, String secret, Message message) throws IOException, InterruptedException {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Zorgbeeld-Event", message.event())
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + message.json()))
                .POST(HttpRequest.BodyPublishers.ofString(message.json(), StandardCharsets.UTF_8)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
