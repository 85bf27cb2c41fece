package io.cloudmock.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs requests the way the official SDKs do, written here from the documented algorithms (not with
 * cloudmock's own code, so a test fails if cloudmock's check drifts from the documents).
 */
final class SignedClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedClient() {}

    static String hmacBase64(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hmacHex(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** An NCP call as ncloud-sdk-go-v2 makes it: POST form body, signature over the path only, header -v1. */
    static HttpResponse<String> ncpGoStyle(String base, String path, String body, String accessKey, String secret,
                                           long timestampMs, String signatureHeader) throws Exception {
        String ts = Long.toString(timestampMs);
        String signature = hmacBase64(secret, "POST " + path + "\n" + ts + "\n" + accessKey);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("x-ncp-apigw-timestamp", ts)
                .header("x-ncp-iam-access-key", accessKey)
                .header(signatureHeader, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An NCP call as the Java SDK makes a GET: signature over path and query, header -v2. */
    static HttpResponse<String> ncpGet(String base, String pathAndQuery, String accessKey, String secret, long timestampMs)
            throws Exception {
        String ts = Long.toString(timestampMs);
        String signature = hmacBase64(secret, "GET " + pathAndQuery + "\n" + ts + "\n" + accessKey);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("x-ncp-apigw-timestamp", ts)
                .header("x-ncp-iam-access-key", accessKey)
                .header("x-ncp-apigw-signature-v2", signature)
                .GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A Zenlayer call signed with ZC2-HMAC-SHA256 (reference 3) over the Host and Content-Type actually sent. */
    static HttpResponse<String> zenlayer(String base, String action, String body, String accessKey, String secret,
                                         long timestampSeconds) throws Exception {
        return zenlayer(base, action, body, accessKey, secret, timestampSeconds, "application/json; charset=utf-8");
    }

    /** The same, signed over and sent with the given Content-Type, byte for byte. */
    static HttpResponse<String> zenlayer(String base, String action, String body, String accessKey, String secret,
                                         long timestampSeconds, String contentType) throws Exception {
        URI uri = URI.create(base + "/api/v2/vm");
        String host = uri.getHost() + ":" + uri.getPort();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String canonical = "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\ncontent-type;host\n"
                + sha256Hex(bytes);
        String toSign = "ZC2-HMAC-SHA256\n" + timestampSeconds + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        String signature = hmacHex(secret, toSign);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .header("X-ZC-Action", action)
                .header("X-ZC-Version", "2026-04-01")
                .header("X-ZC-Timestamp", Long.toString(timestampSeconds))
                .header("X-ZC-Signature-Method", "ZC2-HMAC-SHA256")
                .header("Authorization", "ZC2-HMAC-SHA256 Credential=" + accessKey
                        + ", SignedHeaders=content-type;host, Signature=" + signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> zenlayerBearer(String base, String action, String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v2/vm"))
                .header("Content-Type", "application/json")
                .header("X-ZC-Action", action)
                .header("X-ZC-Version", "2026-04-01")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
