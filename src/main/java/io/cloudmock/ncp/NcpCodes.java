package io.cloudmock.ncp;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code {code, codeName}} pairs (CommonCode) NCP renders for the codes instances keep. */
final class NcpCodes {
    private static final Map<String, String> PLATFORM = Map.of(
            "LNX64", "Linux 64 Bit", "LNX32", "Linux 32 Bit", "UBD64", "Ubuntu Desktop 64 Bit",
            "UBS64", "Ubuntu Server 64 Bit", "WND64", "Windows 64 Bit", "WND32", "Windows 32 Bit");
    private static final Map<String, String> SERVER_TYPE = Map.of(
            "STAND", "Standard", "CPU", "CPU Intensive", "HICPU", "High CPU", "HIMEM", "High Memory",
            "GPU", "GPU", "MICRO", "Micro", "COMPT", "Compact");
    private static final Map<String, String> DISK_TYPE = Map.of("NET", "Network Storage", "LOCAL", "Local storage");
    private static final Map<String, String> DISK_DETAIL = Map.of("SSD", "SSD", "HDD", "HDD");
    private static final Map<String, String> HYPERVISOR = Map.of("XEN", "XEN", "KVM", "KVM");
    private static final Map<String, String> PRODUCT_TYPE = Map.of(
            "LINUX", "Linux", "WINNT", "Windows NT", "STAND", "Standard", "CPU", "CPU Intensive",
            "HICPU", "High CPU", "HIMEM", "High Memory");
    private static final Map<String, String> INFRA = Map.of("SW", "Software", "SVR", "Server");

    private NcpCodes() {}

    static Map<String, Object> platform(String code) { return pair(code, PLATFORM); }
    static Map<String, Object> serverType(String code) { return pair(code, SERVER_TYPE); }
    static Map<String, Object> diskType(String code) { return pair(code, DISK_TYPE); }
    static Map<String, Object> diskDetail(String code) { return pair(code, DISK_DETAIL); }
    static Map<String, Object> hypervisor(String code) { return pair(code, HYPERVISOR); }
    static Map<String, Object> productType(String code) { return pair(code, PRODUCT_TYPE); }
    static Map<String, Object> infra(String code) { return pair(code, INFRA); }

    static Map<String, Object> code(String code, String codeName) {
        Map<String, Object> m = new LinkedHashMap<>(2);
        m.put("code", code);
        m.put("codeName", codeName);
        return m;
    }

    private static Map<String, Object> pair(String code, Map<String, String> names) {
        return code(code, names.getOrDefault(code, code));
    }
}
