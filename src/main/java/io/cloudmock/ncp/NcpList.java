package io.cloudmock.ncp;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list in an NCP response. JSON renders the items as an array; XML wraps each one in {@code <item>} inside
 * the list element ({@code <serverInstanceList><serverInstance>...}). With it, the shape every NCP list action
 * shares: paging by pageNo/pageSize, and the totalRows + xxxList payload.
 */
public record NcpList(String item, List<?> items) {
    @JsonValue
    public List<?> json() { return items; }

    /** pageNo 0 and 1 both mean the first page; pageSize 0 (or none) means everything. */
    static <T> List<T> page(List<T> all, Integer pageNo, Integer pageSize) {
        if (pageSize == null || pageSize <= 0) return all;
        int first = Math.max(pageNo == null ? 1 : pageNo, 1) - 1;
        long from = Math.min((long) first * pageSize, all.size());
        return all.subList((int) from, (int) Math.min(from + pageSize, all.size()));
    }

    /** {@code totalRows} (the count before paging) and the list, wrapped as {@code <listName><itemName>} in XML. */
    static Map<String, Object> payload(String listName, String itemName, List<?> items, int totalRows) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("totalRows", totalRows);
        p.put(listName, new NcpList(itemName, items));
        return p;
    }

    static Map<String, Object> payload(String listName, String itemName, List<?> items) {
        return payload(listName, itemName, items, items.size());
    }
}
