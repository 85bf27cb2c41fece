package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Login keys ({@code /vserver/v2}, ncp-network-api.md 5.1): account-wide (no region: Terraform sends none), made
 * and deleted at once, since Terraform reads the list right after createLoginKey and dereferences its first item.
 * The {@code keyName} filter is an exact match.
 */
final class NcpLoginKeyActions {
    private NcpLoginKeyActions() {}

    static Map<String, Object> create(NcpCall r) {
        String name = r.params().get("keyName");
        if (name != null) NcpNames.check(name);
        Instant now = r.clock().now();
        NcpLoginKeys.Generated key = NcpLoginKeys.generate();
        return r.account().atomically(tx -> {
            if (name != null && byName(tx, name) != null) throw new NcpException(NcpError.LOGIN_KEY_NAME_IN_USE);
            Resource k = add(tx, r, name, key.publicKey(), now);
            // not a list: keyName and the private key, which the service never shows again (reference 5.1.2)
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("keyName", k.string("keyName"));
            payload.put("privateKey", key.privateKeyPem());
            return payload;
        });
    }

    static Map<String, Object> importKey(NcpCall r) {
        NcpParams p = r.params();
        String publicKey = p.require("publicKey").trim();
        if (NcpLoginKeys.blob(publicKey) == null) throw new NcpException(NcpError.LOGIN_KEY_INVALID);
        String name = p.get("keyName");
        if (name != null) NcpNames.check(name);
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            if (name != null && byName(tx, name) != null) throw new NcpException(NcpError.LOGIN_KEY_NAME_IN_USE);
            Resource k = add(tx, r, name, publicKey, now);
            return NcpList.payload("loginKeyList", "loginKey", List.of(NcpLoginKeys.view(k)));
        });
    }

    static Map<String, Object> list(NcpCall r) {
        NcpQuery q = new NcpQuery(r.params(), true).field("keyName", "keyName");
        return r.account().atomically(tx -> q.items(tx.list(NcpNetwork.PROVIDER, NcpNetwork.LOGIN_KEY),
                "loginKeyList", "loginKey", NcpLoginKeys::view));
    }

    /** Unknown names succeed (reference 5.1.5); servers keep the name of a deleted key, as they do on the service. */
    static Map<String, Object> delete(NcpCall r) {
        List<String> names = r.params().idList("keyNameList");
        if (names.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, "keyNameList.1");
        return r.account().atomically(tx -> {
            List<Resource> gone = new ArrayList<>();
            for (String name : names) {
                Resource k = byName(tx, name);
                if (k != null) gone.add(k);
            }
            for (Resource k : gone) tx.remove(k);
            return new LinkedHashMap<String, Object>();
        });
    }

    static Resource byName(Account.Tx tx, String name) {
        for (Resource k : tx.list(NcpNetwork.PROVIDER, NcpNetwork.LOGIN_KEY)) if (k.string("keyName").equals(name)) return k;
        return null;
    }

    private static Resource add(Account.Tx tx, NcpCall r, String name, String publicKey, Instant now) {
        String id = r.model().ids().nextNumber();
        Resource k = new Resource(NcpNetwork.PROVIDER, NcpNetwork.LOGIN_KEY, tx.account(), id, "RUN", now,
                NcpLoginKeys.fields(name == null ? "key" + NcpNetwork.hex(id) : name, publicKey, now));
        tx.add(k);
        return k;
    }
}
