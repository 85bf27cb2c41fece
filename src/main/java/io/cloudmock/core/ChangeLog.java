package io.cloudmock.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change log of {@code --state-file}: one JSON object a line, appended beside the snapshot so that a change
 * costs the bytes of the resources it changed, not a rewrite of the whole state.
 * <pre>{@code
 * {"log":"cloudmock-changes","epoch":3}                        the first line: which snapshot it follows
 * {"op":"put","account":"default","resource":{...}}             a resource as it is now (as in the snapshot's instances)
 * {"op":"remove","account":"default","provider":"ncp","id":"10000001"}
 * {"op":"reset"}  {"op":"reset","account":"AK1"}                every account emptied, or one forgotten
 * {"op":"clock","now":"2026-01-01T00:00:10Z"}  {"op":"nextId","value":10000042}
 * }</pre>
 * Each record holds the whole resource, so replaying a record twice, or one that the snapshot already holds,
 * gives the same state (the last record of a resource wins): the snapshot can be written while the log goes on.
 * A snapshot names the epoch of the first log it does not wholly hold ({@code "logEpoch"}); logs of an older
 * epoch are ignored. A last line cut short by a crash is ignored; a bad line with a good one after it is
 * corruption and stops start-up.
 */
public final class ChangeLog {
    public static final String FORMAT = "cloudmock-changes";

    private ChangeLog() {}

    static byte[] header(long epoch) {
        return line(Json.MAPPER.createObjectNode().put("log", FORMAT).put("epoch", epoch));
    }

    static byte[] put(String account, Resource r) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("op", "put").put("account", account);
        n.set("resource", StateSnapshot.node(r));
        return line(n);
    }

    static byte[] remove(String account, String provider, String id) {
        return line(Json.MAPPER.createObjectNode().put("op", "remove").put("account", account).put("provider", provider).put("id", id));
    }

    static byte[] reset(String account) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("op", "reset");
        if (account != null) n.put("account", account);
        return line(n);
    }

    static byte[] clock(Instant now) { return line(Json.MAPPER.createObjectNode().put("op", "clock").put("now", now.toString())); }

    static byte[] nextId(long value) { return line(Json.MAPPER.createObjectNode().put("op", "nextId").put("value", value)); }

    private static byte[] line(ObjectNode n) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(n);
            byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a change record", e);
        }
    }

    /** A log read from disk: its epoch (-1 when not even its first line is whole) and its records. */
    record Log(Path path, long epoch, List<JsonNode> records, boolean tornTail) {}

    /** Reads a log; a last line cut short is dropped (tornTail), a bad line before a good one is an error. */
    static Log read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        List<JsonNode> records = new ArrayList<>();
        long epoch = -1;
        boolean torn = false;
        int start = 0;
        int lineNo = 0;
        String bad = null;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            lineNo++;
            if (end == bytes.length) { // no newline: the write of this line never finished
                torn = true;
                break;
            }
            JsonNode n = null;
            try {
                n = Json.MAPPER.readTree(new String(bytes, start, end - start, StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                // maybe the torn tail of a crash (a page of zeros after a power cut): only if nothing good follows
            }
            start = end + 1;
            if (n == null || !n.isObject()) {
                if (bad == null) bad = "line " + lineNo + " is not a change record";
                torn = true;
                continue;
            }
            if (bad != null) throw new IOException(bad + " and a good one follows it");
            if (lineNo == 1) {
                if (!FORMAT.equals(n.path("log").asText()) || !n.path("epoch").canConvertToLong()) {
                    throw new IOException("line 1 is not the header of a " + FORMAT + " log");
                }
                epoch = n.get("epoch").asLong();
                continue;
            }
            records.add(n);
        }
        return new Log(path, epoch, records, torn);
    }

    /**
     * The state of {@code snapshot} (null: an empty one) with every record of {@code logs} of its epoch or later
     * applied, in epoch order. Throws IllegalArgumentException naming a record that cannot be applied.
     */
    static ObjectNode replay(JsonNode snapshot, List<Log> logs) {
        long from = snapshot == null ? 0 : snapshot.path("logEpoch").asLong(0);
        Map<String, LinkedHashMap<String, JsonNode>> accounts = new LinkedHashMap<>();
        ObjectNode out = Json.MAPPER.createObjectNode().put("format", StateSnapshot.FORMAT).put("version", 1);
        long nextId = 0;
        JsonNode clock = null;
        if (snapshot != null) {
            if (snapshot.hasNonNull("nextId")) nextId = snapshot.get("nextId").asLong();
            clock = snapshot.get("clock");
            JsonNode list = snapshot.get("accounts");
            if (list != null && list.isArray()) {
                for (JsonNode a : list) {
                    LinkedHashMap<String, JsonNode> m = accounts.computeIfAbsent(a.path("name").asText(), k -> new LinkedHashMap<>());
                    for (JsonNode r : a.path("instances")) m.put(key(r.path("provider").asText(), r.path("id").asText()), r);
                }
            }
        }
        List<Log> ordered = new ArrayList<>(logs);
        ordered.sort(java.util.Comparator.comparingLong(Log::epoch));
        for (Log log : ordered) {
            if (log.epoch() < from) continue;
            int n = 1;
            for (JsonNode rec : log.records()) {
                n++;
                String where = log.path().getFileName() + " line " + n;
                String op = rec.path("op").asText();
                String account = rec.path("account").asText(null);
                switch (op) {
                    case "put" -> {
                        JsonNode r = rec.get("resource");
                        if (account == null || r == null || !r.isObject()) throw new IllegalArgumentException(where + ": a put without account and resource");
                        accounts.computeIfAbsent(account, k -> new LinkedHashMap<>()).put(key(r.path("provider").asText(), r.path("id").asText()), r);
                    }
                    case "remove" -> {
                        LinkedHashMap<String, JsonNode> m = account == null ? null : accounts.get(account);
                        if (m != null) m.remove(key(rec.path("provider").asText(), rec.path("id").asText()));
                    }
                    case "reset" -> {
                        if (account == null) accounts.clear();
                        else accounts.remove(account);
                    }
                    case "clock" -> clock = Json.MAPPER.createObjectNode().put("manual", true).put("now", rec.path("now").asText());
                    case "nextId" -> nextId = Math.max(nextId, rec.path("value").asLong());
                    default -> throw new IllegalArgumentException(where + ": unknown operation '" + op + "'");
                }
            }
        }
        out.put("nextId", nextId);
        if (clock != null) out.set("clock", clock);
        ArrayNode list = out.putArray("accounts");
        for (Map.Entry<String, LinkedHashMap<String, JsonNode>> e : accounts.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            ObjectNode a = list.addObject().put("name", e.getKey());
            ArrayNode instances = a.putArray("instances");
            for (Iterator<JsonNode> it = e.getValue().values().iterator(); it.hasNext(); ) instances.add(it.next());
        }
        return out;
    }

    private static String key(String provider, String id) { return provider + "\n" + id; }
}
