package io.cloudmock.zenlayer;

import io.cloudmock.core.Account;
import io.cloudmock.core.Backend;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;
import io.cloudmock.core.ResourceKind;
import io.cloudmock.core.TransitionTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds around a Zenlayer instance: {@code subnet}, {@code security-group}, {@code disk} (stand-alone data
 * disks; the disks made with an instance stay part of it) and {@code key-pair}. Fields are kept under their wire
 * names; what follows from references (a subnet's {@code instanceIdList}, a group's {@code instanceIds}, a disk's
 * {@code instanceId}) is computed when rendered.
 */
final class ZenlayerNetworkKinds {
    static final String SUBNET = "subnet";
    static final String SECURITY_GROUP = "security-group";
    static final String DISK = "disk";
    static final String KEY_PAIR = "key-pair";
    static final String INSTANCE = ZenlayerModel.KIND;

    private ZenlayerNetworkKinds() {}

    /** Registers the four kinds and the ready network ({@code POST /_cloudmock/networks}). */
    static void register(Backend backend) {
        Ids ids = backend.ids();
        backend.register(new Kind(SUBNET, ZenlayerNetworkTransitions.SUBNET, ZenlayerNetworkTransitions.SUBNET_AVAILABLE, ids) {
            @Override
            public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("zoneId", ZenlayerCatalog.DEFAULT_ZONE);
                f.put("subnetName", "subnet-" + id);
                f.put("cidrBlock", null);
                f.put("subnetDescription", "");
                f.put("createTime", ZenlayerModel.TIME.format(now));
                f.put("isDefault", false);
                return on(f, given);
            }

            @Override
            public void prepare(Account.Tx tx, Resource r) {
                try {
                    ZenlayerCatalog.zone(r.string("zoneId"));
                    if (r.fields().get("cidrBlock") == null) r.fields().put("cidrBlock", ZenlayerNetwork.freeCidr(tx, r.string("zoneId")));
                    ZenlayerNetwork.checkCidr(tx, r.string("zoneId"), r.string("cidrBlock"));
                } catch (ZenlayerException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
        });
        backend.register(new Kind(SECURITY_GROUP, ZenlayerNetworkTransitions.SECURITY_GROUP, ZenlayerNetworkTransitions.AVAILABLE, ids) {
            @Override
            public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("securityGroupName", "sg-" + id);
                f.put("createTime", ZenlayerModel.TIME.format(now));
                f.put("description", null);
                f.put("ruleInfos", new ArrayList<>());
                f.put("isDefault", false);
                return on(f, given);
            }
        });
        backend.register(new Kind(DISK, ZenlayerNetworkTransitions.DISK, ZenlayerNetworkTransitions.DISK_AVAILABLE, ids) {
            @Override
            public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
                Map<String, Object> f = DiskActions.baseFields(ZenlayerCatalog.DEFAULT_ZONE, "disk-" + id, 20,
                        DiskActions.DEFAULT_CATEGORY, "POSTPAID", null, now);
                return on(f, given);
            }

            @Override
            public void prepare(Account.Tx tx, Resource r) {
                Resource instance = r.reference(INSTANCE) == null ? null : tx.get(ZenlayerModel.PROVIDER, INSTANCE, r.reference(INSTANCE));
                if (instance != null) {
                    if (!instance.string("zoneId").equals(r.string("zoneId"))) {
                        throw new IllegalArgumentException("disk " + r.id() + " is in zone " + r.string("zoneId") + ", instance "
                                + instance.id() + " in " + instance.string("zoneId"));
                    }
                    InstanceDisks.attach(instance, r);
                }
            }
        });
        backend.register(new Kind(KEY_PAIR, ZenlayerNetworkTransitions.KEY_PAIR, ZenlayerNetworkTransitions.AVAILABLE, ids) {
            @Override
            public String newId() { return KeyPairActions.newKeyId(ids.nextNumber()); }

            @Override
            public Map<String, Object> completeFields(String id, Map<String, Object> given, Instant now) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("keyName", "key-" + id.substring(4).toLowerCase(java.util.Locale.ROOT));
                f.put("publicKey", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICloudmockKeyFor" + id.substring(4) + " cloudmock");
                f.put("keyDescription", "");
                f.put("createTime", ZenlayerModel.TIME.format(now));
                return on(f, given);
            }
        });
        backend.registerReadyNetwork(ZenlayerModel.PROVIDER, tx -> ZenlayerNetwork.readyNetwork(tx, backend.clock().now(), ids));
    }

    /** The given fields on top of the defaults; a field the kind does not have is kept as given. */
    private static Map<String, Object> on(Map<String, Object> defaults, Map<String, Object> given) {
        defaults.putAll(given);
        return defaults;
    }

    private abstract static class Kind implements ResourceKind {
        private final String kind;
        private final TransitionTable table;
        private final String defaultState;
        final Ids ids;

        Kind(String kind, TransitionTable table, String defaultState, Ids ids) {
            this.kind = kind;
            this.table = table;
            this.defaultState = defaultState;
            this.ids = ids;
        }

        @Override public String provider() { return ZenlayerModel.PROVIDER; }
        @Override public String kind() { return kind; }
        @Override public TransitionTable table() { return table; }
        @Override public String defaultState() { return defaultState; }
        @Override public String newId() { return ids.nextNumber(); }
    }
}
