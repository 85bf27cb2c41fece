package io.cloudmock.ncp;

import io.cloudmock.core.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filters of a network list action, read from its parameters before the account is locked (so a bad value
 * is refused before anything is looked at): exact matches on a field, a number list, a status code from a fixed
 * set, then paging.
 */
final class NcpQuery {
    private final NcpParams params;
    private final List<Predicate<Resource>> tests = new ArrayList<>();
    private final Integer pageNo;
    private final Integer pageSize;

    NcpQuery(NcpParams params, boolean paged) {
        this.params = params;
        this.pageNo = paged ? params.integer("pageNo", 0, Integer.MAX_VALUE) : null;
        Integer size = paged ? params.integer("pageSize", 0, 1000) : null;
        this.pageSize = size;
    }

    /** {@code param} must equal the field (absent = any). */
    NcpQuery field(String param, String field) {
        String v = params.get(param);
        if (v != null) tests.add(r -> r.string(field).equals(v));
        return this;
    }

    /** {@code param.N}: the resource number is one of them. */
    NcpQuery numbers(String param) {
        List<String> ids = params.idList(param);
        if (!ids.isEmpty()) tests.add(r -> ids.contains(r.id()));
        return this;
    }

    /** {@code param} is one of {@code allowed} (else 900) and must equal the state. */
    NcpQuery status(String param, Set<String> allowed) {
        String v = params.get(param);
        if (v == null) return this;
        if (!allowed.contains(v)) throw new NcpException(NcpError.INVALID_PARAMETER, param, v);
        tests.add(r -> r.state().equals(v));
        return this;
    }

    /** {@code param} is one of {@code allowed} (else 900) and must equal the field. */
    NcpQuery code(String param, String field, Set<String> allowed) {
        String v = params.get(param);
        if (v == null) return this;
        if (!allowed.contains(v)) throw new NcpException(NcpError.INVALID_PARAMETER, param, v);
        tests.add(r -> r.string(field).equals(v));
        return this;
    }

    NcpQuery test(Predicate<Resource> t) {
        tests.add(t);
        return this;
    }

    boolean matches(Resource r) {
        for (Predicate<Resource> t : tests) if (!t.test(r)) return false;
        return true;
    }

    /** totalRows (all matches) and the page of views; only the page's resources are viewed. */
    Map<String, Object> payload(java.util.Collection<Resource> candidates, String listName, String itemName, Function<Resource, Object> view) {
        List<Resource> matching = new ArrayList<>();
        for (Resource r : candidates) if (matches(r)) matching.add(r);
        List<Resource> page = NcpList.page(matching, pageNo, pageSize);
        List<Object> views = new ArrayList<>(page.size());
        for (Resource r : page) views.add(view.apply(r));
        return NcpList.payload(listName, itemName, views, matching.size());
    }

    /**
     * As {@link #payload}, for a view that reads nothing but the resource itself (its fields, state and references):
     * each item is kept while the resource is unchanged ({@link NcpFormat.Item}, its variant the list's name).
     */
    Map<String, Object> items(java.util.Collection<Resource> candidates, String listName, String itemName,
                              Function<Resource, Map<String, Object>> view) {
        return payload(candidates, listName, itemName, r -> new NcpFormat.Item(r, listName, () -> view.apply(r)));
    }
}
