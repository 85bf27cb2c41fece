package io.cloudmock.zenlayer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cloudmock.zenlayer.ZenlayerNetworkKinds.KEY_PAIR;

/**
 * Key pairs (network reference section 7): one store per account, served by CCS 2025-09-01
 * ({@code POST /api/v2/ccs}) and by VM 2023-03-13, and used by CreateInstances' and ResetInstance's
 * {@code keyId}. Imported keys only (there is no CreateKeyPair); {@code publicKey} is kept byte for byte; a key in
 * use may be deleted (the instances keep their {@code keyId}).
 */
final class KeyPairActions {
    static final int MAX_NAME = 32;
    static final int MAX_DESCRIPTION = 255;
    static final int MAX_PUBLIC_KEYS = 5;
    /** "Quota limit exceeded" has no documented number. */
    static final int MAX_KEY_PAIRS = 100;
    static final Set<String> KEY_TYPES = Set.of("ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-dss", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private KeyPairActions() {}

    /** {@code key-} and 8 letters and digits, a scramble of the shared counter's number (so never repeated). */
    static String newKeyId(String number) {
        long n = Long.parseLong(number) * 2_654_435_761L % 218_340_105_584_896L; // 62^8
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            s.append(ALPHABET.charAt((int) (n % 62)));
            n /= 62;
        }
        return "key-" + s;
    }

    private static boolean ccs(ZenlayerCall call) { return !call.version().equals(ZenlayerVersions.V2023); }

    static void importKey(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String name = b.requiredString("keyName");
        if (name.length() > MAX_NAME || !name.matches("[A-Za-z0-9_-]+")) {
            throw (ccs(call) ? ZenlayerError.INVALID_KEY_PAIR_MALFORMED : ZenlayerError.INVALID_KEY_NAME_MALFORMED).with(name);
        }
        String publicKey = b.requiredString("publicKey");
        checkPublicKey(publicKey);
        String description = description(b);
        String id = newKeyId(call.backend().ids().nextNumber());
        call.account().atomically(tx -> {
            List<Resource> all = tx.list(ZenlayerModel.PROVIDER, KEY_PAIR);
            for (Resource k : all) if (k.string("keyName").equals(name)) throw ZenlayerError.INVALID_KEY_PAIR_NAME_EXIST.with(name);
            if (all.size() >= MAX_KEY_PAIRS) throw ZenlayerError.INVALID_KEY_PAIR_EXCEED_LIMIT.with(MAX_KEY_PAIRS);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("keyName", name);
            f.put("publicKey", publicKey);
            f.put("keyDescription", description == null ? "" : description);
            f.put("createTime", ZenlayerModel.TIME.format(call.now()));
            tx.add(new Resource(ZenlayerModel.PROVIDER, KEY_PAIR, tx.account(), id, ZenlayerNetworkTransitions.AVAILABLE, call.now(), f));
            return null;
        });
        response.put("keyId", id);
    }

    /** OpenSSH public keys, one a line, at most 5: a known type, then base64 that decodes, then an optional comment. */
    static void checkPublicKey(String text) {
        String[] lines = text.split("\r?\n");
        List<String> keys = new ArrayList<>();
        for (String line : lines) if (!line.isBlank()) keys.add(line.trim());
        if (keys.isEmpty()) throw ZenlayerError.MISSING_PARAMETER.with("publicKey");
        if (keys.size() > MAX_PUBLIC_KEYS) throw ZenlayerError.INVALID_PUBLIC_KEY_EXCEED_LIMIT.with(MAX_PUBLIC_KEYS);
        for (String key : keys) {
            String[] parts = key.split("\\s+");
            if (!KEY_TYPES.contains(parts[0])) throw ZenlayerError.INVALID_KEY_PAIR_ALGORITHM.with(parts[0]);
            if (parts.length < 2) throw ZenlayerError.INVALID_PUBLIC_KEY_MALFORMED.with("no key after " + parts[0]);
            try {
                Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw ZenlayerError.INVALID_PUBLIC_KEY_MALFORMED.with("the key body is not base64");
            }
        }
    }

    private static String description(ZenlayerRequest b) {
        String d = b.string("keyDescription");
        if (d != null && d.length() > MAX_DESCRIPTION) throw ZenlayerError.INVALID_PARAMETER_EXCEED_LENGTH.with("keyDescription", MAX_DESCRIPTION);
        return d;
    }

    static void describe(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        List<String> ids = b.strings("keyIds", ZenlayerRequest.MAX_IDS);
        Set<String> wanted = ids == null || ids.isEmpty() ? null : new HashSet<>(ids);
        String name = b.string("keyName");
        b.pageSize();
        b.pageNum();
        call.account().atomically(tx -> {
            List<Resource> matched = new ArrayList<>();
            for (Resource k : tx.list(ZenlayerModel.PROVIDER, KEY_PAIR)) {
                if (wanted != null && !wanted.contains(k.id())) continue;
                if (name != null && !k.string("keyName").contains(name)) continue;
                matched.add(k);
            }
            response.put("totalCount", matched.size());
            ArrayNode data = response.putArray("dataSet");
            for (Resource k : b.page(matched)) {
                data.addObject().put("keyId", k.id()).put("keyName", k.string("keyName")).put("publicKey", k.string("publicKey"))
                        .put("keyDescription", k.string("keyDescription")).put("createTime", k.string("createTime"));
            }
            return null;
        });
    }

    /** Only the description ("" clears it); the name cannot change. */
    static void modify(ZenlayerCall call, ObjectNode response) {
        ZenlayerRequest b = call.body();
        String id = b.requiredString("keyId");
        String description = description(b);
        call.account().atomically(tx -> {
            Resource k = find(tx, id);
            if (description != null) {
                k.fields().put("keyDescription", description);
                tx.touched();
            }
            return null;
        });
    }

    /** All or none; allowed while instances use the key (they keep their keyId). */
    static void delete(ZenlayerCall call, ObjectNode response) {
        List<String> ids = SubnetActions.ids(call.body(), "keyIds");
        call.account().atomically(tx -> {
            List<Resource> found = new ArrayList<>();
            for (String id : ids) found.add(find(tx, id));
            for (Resource k : found) tx.remove(k);
            return null;
        });
    }

    private static Resource find(Account.Tx tx, String id) {
        Resource k = tx.get(ZenlayerModel.PROVIDER, KEY_PAIR, id);
        if (k == null) throw ZenlayerError.INVALID_KEY_PAIR_NOT_FOUND.with(id);
        return k;
    }
}
