package io.cloudmock.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A kind's state machine as data: the rows, keyed by action, and the set of states it knows. */
public final class TransitionTable {
    private final Map<String, Transition> byAction = new LinkedHashMap<>();
    private final Set<String> states;

    public TransitionTable(Set<String> states, List<Transition> rows) {
        this.states = Set.copyOf(states);
        for (Transition t : rows) {
            for (String s : t.path()) {
                if (!s.equals(Transition.GONE) && !states.contains(s)) {
                    throw new IllegalArgumentException("state " + s + " of " + t.action() + " is not declared");
                }
            }
            if (byAction.put(t.action(), t) != null) throw new IllegalArgumentException("duplicate action " + t.action());
        }
    }

    /** The row of {@code action}; a table without it is a bug of cloudmock's, caught by the table tests. */
    public Transition row(String action) {
        Transition t = byAction.get(action);
        if (t == null) throw new IllegalArgumentException("no transition for action " + action);
        return t;
    }

    public boolean has(String action) { return byAction.containsKey(action); }

    public Set<String> actions() { return byAction.keySet(); }

    public Set<String> states() { return states; }

    public boolean knows(String state) { return states.contains(state); }
}
