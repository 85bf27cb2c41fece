package io.cloudmock.ncp;

import io.cloudmock.core.Account;
import io.cloudmock.core.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Public IPs ({@code /vserver/v2}, ncp-network-api.md 5.4): create (optionally associated), list, detail,
 * associate, disassociate, delete. Every state check is the public IP table's ({@link NcpStorageTransitions#PUBLIC_IP})
 * or the server table's guard; a refused call changes nothing.
 */
final class NcpPublicIpActions {
    private static final Set<String> STATUS = Set.of("INIT", "SET", "RUN", "TERMTING");
    private static final String LIST = "publicIpInstanceList";
    private static final String ITEM = "publicIpInstance";

    private NcpPublicIpActions() {}

    static Map<String, Object> create(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String description = NcpAcgActions.description(p, "publicIpDescription");
        String serverNo = p.get("serverInstanceNo");
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource server = serverNo == null ? null : server(r, tx, serverNo);
            if (server != null) NcpPublicIps.checkServer(tx, server);
            Resource ip = NcpPublicIps.create(tx, r.model().ids(), region, description, server, now);
            return payload(tx, List.of(ip));
        });
    }

    static Map<String, Object> list(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        Boolean associated = p.bool("isAssociated");
        String privateIp = p.get("privateIp");
        String serverName = p.get("serverName");
        String vpcNo = p.get("vpcNo");
        String status = p.get("publicIpInstanceStatusCode");
        if (status != null && !STATUS.contains(status)) throw new NcpException(NcpError.INVALID_PARAMETER, "publicIpInstanceStatusCode", status);
        NcpQuery q = new NcpQuery(p, true).numbers("publicIpInstanceNoList").field("publicIp", "publicIp")
                .test(ip -> status == null || NcpStorageTransitions.IP_STATES.get(ip.state()).status().equals(status))
                .test(ip -> associated == null || associated == (ip.reference(NcpModel.KIND) != null));
        return r.account().atomically(tx -> {
            List<Resource> candidates = new ArrayList<>();
            for (Resource ip : NcpNetwork.inRegion(tx, NcpPublicIps.KIND, region)) {
                Resource server = NcpPublicIps.server(tx, ip);
                if (serverName != null && (server == null || !server.string("serverName").equals(serverName))) continue;
                if (vpcNo != null && (server == null || !server.string("vpcNo").equals(vpcNo))) continue;
                if (privateIp != null && (server == null || !NcpNetworkActions.privateIps(server).contains(privateIp))) continue;
                candidates.add(ip);
            }
            return q.payload(candidates, LIST, ITEM, ip -> NcpPublicIps.view(tx, ip));
        });
    }

    /** An unknown number: 200 with totalRows 0 (reference 1.3). */
    static Map<String, Object> detail(NcpCall r) {
        String no = NcpNetworkActions.number(r.params().require("publicIpInstanceNo"), "publicIpInstanceNo");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            Resource ip = NcpNetwork.get(tx, NcpPublicIps.KIND, no, region);
            return payload(tx, ip == null ? List.of() : List.of(ip));
        });
    }

    static Map<String, Object> associate(NcpCall r) {
        NcpParams p = r.params();
        String ipNo = NcpNetworkActions.number(p.require("publicIpInstanceNo"), "publicIpInstanceNo");
        String serverNo = p.require("serverInstanceNo");
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource ip = ip(r, tx, ipNo);
            Resource server = server(r, tx, serverNo);
            tx.allowed(NcpStorageTransitions.ASSOCIATE_IP, ip);
            NcpPublicIps.checkServer(tx, server);
            NcpPublicIps.link(tx, ip, server, now);
            tx.begin(NcpStorageTransitions.ASSOCIATE_IP, ip);
            return payload(tx, List.of(ip));
        });
    }

    /** By the IP or by the server ("Either publicIpInstanceNo or serverInstanceNo must be entered"). */
    static Map<String, Object> disassociate(NcpCall r) {
        NcpParams p = r.params();
        String ipNo = p.get("publicIpInstanceNo");
        String serverNo = p.get("serverInstanceNo");
        if (ipNo == null && serverNo == null) throw new NcpException(NcpError.MISSING_PARAMETER, "publicIpInstanceNo or serverInstanceNo");
        if (ipNo != null) NcpNetworkActions.number(ipNo, "publicIpInstanceNo");
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource server = serverNo == null ? null : server(r, tx, serverNo);
            Resource ip = ipNo != null ? ip(r, tx, ipNo) : NcpPublicIps.of(tx, server);
            if (ip == null) throw new NcpException(NcpError.PUBLIC_IP_NOT_ASSOCIATED);
            if (server != null && ip.reference(NcpModel.KIND) != null && !server.id().equals(ip.reference(NcpModel.KIND))) {
                throw new NcpException(NcpError.PUBLIC_IP_NOT_ASSOCIATED);
            }
            checkDisassociate(tx, ip);
            disassociate(tx, ip, now);
            return payload(tx, List.of(ip));
        });
    }

    /**
     * What a disassociation needs, checked before anything changes: an associated, settled IP (28102 when free,
     * 1003016 while busy) and a settled server.
     */
    private static void checkDisassociate(Account.Tx tx, Resource ip) {
        tx.allowed(NcpStorageTransitions.DISASSOCIATE_IP, ip);
        Resource holder = NcpPublicIps.server(tx, ip);
        if (holder != null) tx.allowed(NcpTransitions.TAKE_PUBLIC_IP, holder);
    }

    /** Both sides let go in one step; the IP shows RUN / DISUS "Configuring" for one delay, then RUN / NULL. */
    private static void disassociate(Account.Tx tx, Resource ip, Instant now) {
        NcpPublicIps.unlink(tx, ip, now);
        tx.begin(NcpStorageTransitions.DISASSOCIATE_IP, ip);
    }

    /**
     * An interface arriving on a running server drops the server's public IP (Terraform's attach waits for that,
     * reference 5.3.6), by the disassociation of the action above. Checked before anything changes, as the
     * action checks it (1003016 while the IP is still being created or assigned): the IP to drop, or null.
     */
    static Resource checkDropForNewInterface(Account.Tx tx, Resource server) {
        Resource ip = NcpPublicIps.of(tx, server);
        if (ip != null) checkDisassociate(tx, ip);
        return ip;
    }

    static void dropForNewInterface(Account.Tx tx, Resource ip, Instant now) {
        if (ip != null) disassociate(tx, ip, now);
    }

    /** Refused while associated (24073) or still being created (1080101); the answer shows it Deleting. */
    static Map<String, Object> delete(NcpCall r) {
        String ipNo = NcpNetworkActions.number(r.params().require("publicIpInstanceNo"), "publicIpInstanceNo");
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            Resource ip = ip(r, tx, ipNo);
            tx.begin(NcpStorageTransitions.DELETE_IP, ip);
            ip.fields().put("lastModifyDate", NcpModel.date(now));
            return payload(tx, List.of(ip));
        });
    }

    /**
     * terminateServerInstances, before anything changes: the servers' IPs must be settled (25016 otherwise);
     * then each is disassociated at once and kept, as the service does (reference 5.4.7).
     */
    static List<Resource> checkRelease(Account.Tx tx, List<Resource> servers) {
        List<Resource> ips = new ArrayList<>();
        for (Resource server : servers) {
            Resource ip = NcpPublicIps.of(tx, server);
            if (ip == null) continue;
            tx.allowed(NcpStorageTransitions.RELEASE_IP, ip);
            ips.add(ip);
        }
        return ips;
    }

    static void release(Account.Tx tx, List<Resource> ips, Instant now) {
        for (Resource ip : ips) NcpPublicIps.unlink(tx, ip, now);
        tx.beginAll(NcpStorageTransitions.RELEASE_IP, ips);
    }

    private static Resource ip(NcpCall r, Account.Tx tx, String no) {
        Resource ip = NcpNetwork.get(tx, NcpPublicIps.KIND, no, r.regionCode());
        if (ip == null) throw new NcpException(NcpError.PUBLIC_IP_NOT_FOUND, no);
        return ip;
    }

    private static Resource server(NcpCall r, Account.Tx tx, String no) {
        return NcpServerActions.existing(r, tx, List.of(no)).get(0);
    }

    private static Map<String, Object> payload(Account.Tx tx, List<Resource> ips) {
        List<Object> views = new ArrayList<>(ips.size());
        for (Resource ip : ips) views.add(NcpPublicIps.view(tx, ip));
        return NcpList.payload(LIST, ITEM, views);
    }
}
