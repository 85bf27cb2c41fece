package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Init scripts ({@code /vserver/v2}, ncp-network-api.md 5.6): no status, made and deleted at once, the content
 * returned verbatim (Terraform compares it with its configuration). A server refers to its script; deleting a script
 * a server names is allowed (reference 2.3), the server keeps the number.
 */
final class NcpInitScriptActions {
    private static final Set<String> OS_TYPES = Set.of("LNX", "WND");
    static final int MAX_CONTENT = 1024 * 1024;

    private NcpInitScriptActions() {}

    static Map<String, Object> create(NcpCall r) {
        NcpParams p = r.params();
        String region = r.regionCode();
        String content = p.require("initScriptContent");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_CONTENT || bytes.length != content.length()) throw new NcpException(NcpError.INIT_SCRIPT_CONTENT_INVALID);
        String name = p.get("initScriptName");
        if (name != null) NcpNames.check(name);
        String description = NcpAcgActions.description(p, "initScriptDescription");
        String os = p.get("osTypeCode", "LNX");
        if (!OS_TYPES.contains(os)) throw new NcpException(NcpError.INVALID_PARAMETER, "osTypeCode", os);
        Instant now = r.clock().now();
        return r.account().atomically(tx -> {
            for (Resource s : NcpNetwork.inRegion(tx, NcpNetwork.INIT_SCRIPT, region)) {
                if (name != null && s.string("initScriptName").equals(name)) throw new NcpException(NcpError.NAME_IN_USE);
            }
            String id = r.model().ids().nextNumber();
            Resource s = new Resource(NcpNetwork.PROVIDER, NcpNetwork.INIT_SCRIPT, tx.account(), id, "RUN", now,
                    fields(name == null ? "init" + NcpNetwork.hex(id) : name, description, content, os, region, now));
            tx.add(s);
            return NcpList.payload("initScriptList", "initScript", List.of(view(s)));
        });
    }

    static Map<String, Object> list(NcpCall r) {
        String region = r.regionCode();
        NcpQuery q = new NcpQuery(r.params(), true).numbers("initScriptNoList").field("initScriptName", "initScriptName")
                .code("osTypeCode", "osTypeCode", OS_TYPES);
        return r.account().atomically(tx -> q.items(NcpNetwork.inRegion(tx, NcpNetwork.INIT_SCRIPT, region),
                "initScriptList", "initScript", NcpInitScriptActions::view));
    }

    static Map<String, Object> detail(NcpCall r) {
        return NcpVpcActions.detail(r, "initScriptNo", NcpNetwork.INIT_SCRIPT, "initScriptList", "initScript",
                NcpInitScriptActions::view);
    }

    /** Every number must name a script of the region, else nothing is deleted. */
    static Map<String, Object> delete(NcpCall r) {
        List<String> nos = r.params().idList("initScriptNoList");
        if (nos.isEmpty()) throw new NcpException(NcpError.MISSING_PARAMETER, "initScriptNoList.1");
        for (String no : nos) NcpNetworkActions.number(no, "initScriptNoList");
        String region = r.regionCode();
        return r.account().atomically(tx -> {
            List<Resource> gone = new ArrayList<>();
            for (String no : nos) {
                Resource s = NcpNetwork.get(tx, NcpNetwork.INIT_SCRIPT, no, region);
                if (s == null) throw new NcpException(NcpError.INIT_SCRIPT_NOT_FOUND, no);
                gone.add(s);
            }
            List<Object> views = new ArrayList<>();
            for (Resource s : gone) {
                views.add(view(s));
                tx.remove(s);
            }
            return NcpList.payload("initScriptList", "initScript", views);
        });
    }

    static Map<String, Object> fields(String name, String description, String content, String os, String region, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("initScriptName", name);
        f.put("createDate", NcpModel.date(now));
        f.put("initScriptDescription", description);
        f.put("initScriptContent", content);
        f.put("osTypeCode", os);
        f.put("regionCode", region);
        return f;
    }

    /** The Go SDK's vserver.InitScript, in that order (reference 5.6.1). */
    static Map<String, Object> view(Resource s) {
        String os = s.string("osTypeCode");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initScriptNo", s.id());
        m.put("initScriptName", s.string("initScriptName"));
        m.put("createDate", s.string("createDate"));
        m.put("initScriptDescription", s.string("initScriptDescription"));
        m.put("initScriptContent", s.string("initScriptContent"));
        m.put("osType", NcpCodes.code(os, os.equals("WND") ? "Windows" : "Linux"));
        return m;
    }
}
