package io.cloudmock.ncp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login keys (ncp-network-api.md 5.1): a real RSA key pair per createLoginKey, so the PEM a client saves works
 * with ssh-keygen and SSH libraries; the OpenSSH public key and its MD5 fingerprint
 * ({@code 72:a5:d7:...}, 16 colon-separated bytes) as the service shows them.
 */
final class NcpLoginKeys {
    private NcpLoginKeys() {}

    /** A new key: the PEM of the private key (PKCS#1, "BEGIN RSA PRIVATE KEY") and the OpenSSH public key line. */
    record Generated(String privateKeyPem, String publicKey) {}

    static Generated generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            sshString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            sshString(blob, pub.getPublicExponent().toByteArray());
            sshString(blob, pub.getModulus().toByteArray());
            String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray());
            byte[] pkcs1 = pkcs1(pair.getPrivate().getEncoded());
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1);
            return new Generated("-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----", publicKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /** The key blob of an OpenSSH {@code ssh-rsa AAAA... [comment]} line, or null when it is not one. */
    static byte[] blob(String publicKey) {
        String[] parts = publicKey.trim().split("\\s+");
        if (parts.length < 2 || !parts[0].equals("ssh-rsa")) return null;
        byte[] b;
        try {
            b = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // the blob opens with the string "ssh-rsa", then the exponent and the modulus
        if (b.length < 11 || b[0] != 0 || b[1] != 0 || b[2] != 0 || b[3] != 7
                || !new String(b, 4, 7, StandardCharsets.US_ASCII).equals("ssh-rsa")) return null;
        return b;
    }

    static String fingerprint(String publicKey) {
        byte[] b = blob(publicKey);
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(b == null ? publicKey.getBytes(StandardCharsets.UTF_8) : b);
            StringBuilder s = new StringBuilder();
            for (byte x : md5) {
                if (s.length() > 0) s.append(':');
                s.append(String.format("%02x", x & 0xFF));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    static Map<String, Object> fields(String keyName, String publicKey, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("keyName", keyName);
        f.put("fingerprint", fingerprint(publicKey));
        f.put("publicKey", publicKey);
        f.put("createDate", NcpModel.date(now));
        return f;
    }

    /** The documented order: fingerprint, keyName, createDate (getLoginKeyList example). */
    static Map<String, Object> view(io.cloudmock.core.Resource key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", key.string("fingerprint"));
        m.put("keyName", key.string("keyName"));
        m.put("createDate", key.string("createDate"));
        return m;
    }

    private static void sshString(ByteArrayOutputStream out, byte[] b) {
        out.write(b.length >>> 24);
        out.write(b.length >>> 16);
        out.write(b.length >>> 8);
        out.write(b.length);
        out.write(b, 0, b.length);
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER, SEQUENCE algorithm, OCTET STRING key }. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int[] pos = {0};
        header(pkcs8, pos);               // outer SEQUENCE
        int version = length(pkcs8, pos, 0x02);
        pos[0] += version;
        int algorithm = length(pkcs8, pos, 0x30);
        pos[0] += algorithm;
        int len = length(pkcs8, pos, 0x04); // the key
        byte[] out = new byte[len];
        System.arraycopy(pkcs8, pos[0], out, 0, len);
        return out;
    }

    private static void header(byte[] der, int[] pos) { length(der, pos, 0x30); }

    /** Reads a tag (which must be {@code tag}) and a length; leaves pos at the content. */
    private static int length(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xFF) != tag) throw new IllegalStateException("unexpected DER tag");
        int first = der[pos[0]++] & 0xFF;
        if (first < 0x80) return first;
        int n = first & 0x7F;
        int len = 0;
        for (int k = 0; k < n; k++) len = (len << 8) | (der[pos[0]++] & 0xFF);
        return len;
    }

}
