package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * What must never reach the journal, the log or the state file as sent: passwords and private keys in request
 * parameters, and bearer tokens (which are credentials, so they cannot be account names either).
 */
public final class Secrets {
    /** What a redacted value reads as. */
    public static final String REDACTED = "***";

    private Secrets() {}

    /**
     * The account a bearer token acts as when {@code --bearer-tokens} gives it no {@code =ACCOUNT} name: a short
     * hash, stable across restarts (so state files still match) and useless to replay.
     */
    public static String tokenAccount(String token) { return "bearer-" + shortHash(token); }

    /**
     * What a configured secret (a {@code --credentials} secret key, a {@code --bearer-tokens} token) reads as where
     * a client sent it in place of an access key (the two swapped in its configuration): its account, the log line,
     * the journal and a failed check's detail show {@code secret-} + a short hash, never the secret.
     */
    public static String secretAccount(String secret) { return "secret-" + shortHash(secret); }

    /** {@code text} with every one of {@code secrets} in it replaced by its {@link #secretAccount} name. */
    public static String scrub(String text, java.util.Collection<String> secrets) {
        if (text == null) return null;
        String out = text;
        for (String secret : secrets) {
            if (!secret.isEmpty() && out.contains(secret)) out = out.replace(secret, secretAccount(secret));
        }
        return out;
    }

    private static String shortHash(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    /**
     * A parameter whose value is a secret: Zenlayer's {@code password} (CreateInstances, ResetInstancesPassword)
     * and any other {@code ...password}, and NCP's {@code privateKey} (getRootPassword).
     */
    public static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.equals("privatekey");
    }

    /** A copy of a request's parameters (a JSON tree) with every secret value replaced by {@link #REDACTED}. */
    public static JsonNode redact(JsonNode node) {
        if (node == null) return null;
        if (node.isObject()) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), isSecretName(e.getKey()) && !e.getValue().isNull()
                        ? out.textNode(REDACTED) : redact(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (JsonNode v : node) out.add(redact(v));
            return out;
        }
        return node;
    }
}
