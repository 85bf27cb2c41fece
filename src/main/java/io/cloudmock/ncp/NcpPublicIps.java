package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Ids;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Public IPs as resources (ncp-network-api.md 5.4): the kind, the address pool, the link with a server and the
 * wire view. An associated IP refers to its {@code server}; the server's {@code publicIpInstanceNo} and
 * {@code publicIp} are written here in the same step as the reference (packer polls the server for the address),
 * and nowhere else.
 */
final class NcpPublicIps {
    static final String KIND = "public-ip";
    private static final String PROVIDER = NcpNetwork.PROVIDER;
    /** The documentation ranges (RFC 5737), never routed: 762 addresses per region, shared by every account. */
    private static final List<String> POOLS = List.of("203.0.113.", "198.51.100.", "192.0.2.");

    private NcpPublicIps() {}

    static void register(io.cloudmock.core.Backend backend) {
        backend.register(new NcpNetworkKind(KIND, NcpStorageTransitions.PUBLIC_IP, "RUN", backend.ids(),
                (id, now) -> fields("", "", NcpNetwork.region(), now), Set.of(), NcpPublicIps::prepare)
                .holding(ip -> ip.string("publicIp").isEmpty() ? null : held(ip.string("regionCode"), ip.string("publicIp"))));
    }

    /** An address is held by one account at a time, as on the real cloud (the pools repeat per region here). */
    private static String held(String region, String address) {
        return "public IP " + address + " of region " + region;
    }

    static Map<String, Object> fields(String address, String description, String region, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("publicIp", address);
        f.put("publicIpDescription", description);
        f.put("createDate", NcpModel.date(now));
        f.put("lastModifyDate", NcpModel.date(now));
        f.put("regionCode", region);
        return f;
    }

    /** The first address of the pool in the region that no account holds; 1003005 when every one is taken. */
    static String allocate(Account.Tx tx, String region) { return allocate(tx, region, null); }

    /**
     * The first address of the pool in the region that no account holds, claimed for {@code ip} (which must then be
     * added); 1003005 when every one is taken. Only {@code ip}'s own account is locked: two accounts choosing at
     * once never get the same address, because the claim is taken or refused at once.
     */
    static String allocate(Account.Tx tx, String region, Resource ip) {
        Set<String> taken = new HashSet<>();
        for (Resource other : NcpNetwork.inRegion(tx, KIND, region)) taken.add(other.string("publicIp"));
        for (String pool : POOLS) {
            for (int host = 1; host <= 254; host++) {
                String address = pool + host;
                if (taken.contains(address)) continue;
                String key = held(region, address);
                if (ip == null ? !tx.isHeld(key) : tx.claim(key, ip)) return address;
            }
        }
        throw new NcpException(NcpError.PUBLIC_IP_EXHAUSTED);
    }

    /** A new IP in the account (INIT), associated with {@code server} when one is given. */
    static Resource create(Account.Tx tx, Ids ids, String region, String description, Resource server, Instant now) {
        String id = ids.nextNumber();
        Resource ip = new Resource(PROVIDER, KIND, tx.account(), id, "INIT", now, fields("", description, region, now));
        ip.fields().put("publicIp", allocate(tx, region, ip));
        tx.add(ip);
        if (server == null) {
            tx.begin(NcpStorageTransitions.CREATE_IP, ip);
        } else {
            link(tx, ip, server, now);
            tx.begin(NcpStorageTransitions.CREATE_IP_ASSOCIATED, ip);
        }
        return ip;
    }

    /**
     * The checks of associating with a server (reference 5.4.5): a settled server (1003016 otherwise, the code
     * Terraform retries), of a public subnet, with no public IP yet.
     */
    static void checkServer(Account.Tx tx, Resource server) {
        tx.allowed(NcpTransitions.TAKE_PUBLIC_IP, server);
        if (!server.string("publicIpInstanceNo").isEmpty()) throw new NcpException(NcpError.SERVER_HAS_PUBLIC_IP, server.id());
        Resource subnet = tx.get(PROVIDER, NcpNetwork.SUBNET, server.string("subnetNo"));
        if (subnet == null || !subnet.string("subnetTypeCode").equals("PUBLIC")) {
            throw new NcpException(NcpError.PUBLIC_IP_PRIVATE_SUBNET, server.id());
        }
    }

    /** Both sides of an association, in one step. */
    static void link(Account.Tx tx, Resource ip, Resource server, Instant now) {
        tx.refer(ip, NcpModel.KIND, server.id());
        server.fields().put("publicIpInstanceNo", ip.id());
        server.fields().put("publicIp", ip.string("publicIp"));
        ip.fields().put("lastModifyDate", NcpModel.date(now));
    }

    static void unlink(Account.Tx tx, Resource ip, Instant now) {
        Resource server = server(tx, ip);
        if (server != null) {
            server.fields().put("publicIpInstanceNo", "");
            server.fields().put("publicIp", "");
        }
        tx.refer(ip, NcpModel.KIND, (String) null);
        ip.fields().put("lastModifyDate", NcpModel.date(now));
    }

    static Resource server(Account.Tx tx, Resource ip) {
        String no = ip.reference(NcpModel.KIND);
        return no == null ? null : tx.get(PROVIDER, NcpModel.KIND, no);
    }

    /** The IP a server holds, or null. */
    static Resource of(Account.Tx tx, Resource server) {
        List<Resource> ips = tx.referrers(server, KIND);
        return ips.isEmpty() ? null : ips.get(0);
    }

    /** The Go SDK's vserver.PublicIpInstance, in its order; the server's name and eth0 address read live. */
    static Map<String, Object> view(Account.Tx tx, Resource ip) {
        NcpStorageTransitions.Shown s = NcpStorageTransitions.IP_STATES.get(ip.state());
        Resource server = server(tx, ip);
        List<String> privateIps = server == null ? List.of() : NcpNetworkActions.privateIps(server);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("publicIpInstanceNo", ip.id());
        m.put("publicIp", ip.string("publicIp"));
        m.put("publicIpDescription", ip.string("publicIpDescription"));
        m.put("createDate", ip.string("createDate"));
        m.put("publicIpInstanceStatusName", s.label());
        m.put("publicIpInstanceStatus", NcpCodes.code(s.status(), s.statusName()));
        m.put("serverInstanceNo", server == null ? "" : server.id());
        m.put("serverName", server == null ? "" : server.string("serverName"));
        m.put("privateIp", privateIps.isEmpty() ? "" : privateIps.get(0));
        m.put("lastModifyDate", ip.string("lastModifyDate"));
        m.put("publicIpInstanceOperation", NcpCodes.code(s.operation(), s.operationName()));
        return m;
    }

    /**
     * A public IP made by the control API: an address of the pool (or the one given, if free), and with
     * {@code references.server} associated with that server, which must have none yet.
     */
    private static void prepare(Account.Tx tx, Resource ip) {
        Resource server = server(tx, ip);
        if (server != null && !server.string("publicIpInstanceNo").isEmpty()) {
            throw new IllegalArgumentException("server " + server.id() + " already has public IP " + server.string("publicIpInstanceNo"));
        }
        // the address last: a claimed one is held until the IP is added, which nothing refuses after this
        String region = ip.string("regionCode");
        String given = ip.string("publicIp");
        if (given.isEmpty()) {
            ip.fields().put("publicIp", allocate(tx, region, ip));
        } else {
            for (Resource other : NcpNetwork.inRegion(tx, KIND, region)) {
                if (other != ip && other.string("publicIp").equals(given)) {
                    throw new IllegalArgumentException("publicIp " + given + " is held by public-ip " + other.id());
                }
            }
            if (!tx.claim(held(region, given), ip)) {
                throw new IllegalArgumentException("publicIp " + given + " is held by a public IP of another account");
            }
        }
        if (server == null) {
            ip.force("RUN", ip.since());
            return;
        }
        server.fields().put("publicIpInstanceNo", ip.id());
        server.fields().put("publicIp", ip.string("publicIp"));
        ip.force("USED", ip.since());
    }

    /**
     * A server of an older state file carries a public IP in its fields only (before public IPs were resources):
     * the IP becomes a resource, associated, keeping its address unless another IP holds it.
     */
    static void adoptLegacy(Account.Tx tx, Ids ids, Resource server) {
        if (server.string("publicIpInstanceNo").isEmpty() || of(tx, server) != null) return;
        String region = server.string("regionCode");
        String address = server.string("publicIp");
        for (Resource other : NcpNetwork.inRegion(tx, KIND, region)) if (other.string("publicIp").equals(address)) address = "";
        String id = ids.nextNumber();
        Resource ip = new Resource(PROVIDER, KIND, tx.account(), id, "USED", server.since(), fields("", "", region, server.since()));
        boolean keep = !address.isEmpty() && tx.claim(held(region, address), ip);
        ip.fields().put("publicIp", keep ? address : allocate(tx, region, ip));
        tx.add(ip);
        link(tx, ip, server, server.since());
    }
}
