package io.cloudmock.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudmock.Version;
import io.cloudmock.core.Json;
import io.cloudmock.core.http.HttpCall;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /}: what a person who opens the server's address finds, instead of a 404: where the cloud APIs
 * and the control API are. JSON for curl and scripts, a small HTML page for a browser (Accept: text/html).
 * Not behind the control token: it names paths only, never state.
 */
final class IndexPage {
    private static final Map<String, String> APIS = new LinkedHashMap<>();
    private static final Map<String, String> CONTROL = new LinkedHashMap<>();

    static {
        APIS.put("ncp-vpc", "GET|POST /vserver/v2/{action}");
        APIS.put("ncp-vpc-network", "GET|POST /vpc/v2/{action}");
        APIS.put("ncp-classic", "GET|POST /server/v2/{action}");
        APIS.put("zenlayer-vm", "POST /api/v2/vm (action in the X-ZC-Action header)");

        CONTROL.put("ui", "GET /_cloudmock/ui");
        CONTROL.put("health", "GET /_cloudmock/health");
        CONTROL.put("reset", "POST /_cloudmock/reset");
        CONTROL.put("clock", "POST /_cloudmock/clock/advance");
        CONTROL.put("resources", "GET|POST /_cloudmock/resources");
        CONTROL.put("networks", "POST /_cloudmock/networks");
        CONTROL.put("instances", "GET|POST /_cloudmock/instances");
        CONTROL.put("force-state", "PUT /_cloudmock/instances/{provider}/{id}/state");
        CONTROL.put("requests", "GET|DELETE /_cloudmock/requests");
        CONTROL.put("faults", "GET|POST|DELETE /_cloudmock/faults");
        CONTROL.put("state", "GET|PUT /_cloudmock/state");
        CONTROL.put("unserved", "GET /_cloudmock/unserved");
    }

    private IndexPage() {}

    static void serve(HttpCall ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            ctx.status(200).contentType("text/html;charset=utf-8").result(html());
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("name", "cloudmock")
                .put("version", Version.VALUE)
                .put("about", "a local emulator of the NAVER Cloud Platform Server/VPC APIs and the Zenlayer Cloud VM API");
        ObjectNode apis = body.putObject("apis");
        APIS.forEach(apis::put);
        ObjectNode control = body.putObject("control");
        CONTROL.forEach(control::put);
        body.put("docs", "docs/README.md in the cloudmock repository; docs/control-api.md for /_cloudmock/");
        try { // laid out for a person reading curl's output
            ctx.status(200).contentType("application/json")
                    .result(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String html() {
        StringBuilder b = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>cloudmock</title></head><body>\n<h1>cloudmock " + Version.VALUE + "</h1>\n"
                + "<p>A local emulator of the NAVER Cloud Platform Server/VPC APIs and the Zenlayer Cloud VM API. "
                + "Open the <a href=\"/_cloudmock/ui\">dashboard</a>.</p>\n<h2>Cloud APIs</h2>\n<ul>\n");
        APIS.forEach((k, v) -> b.append("<li>").append(k).append(": <code>").append(escape(v)).append("</code></li>\n"));
        b.append("</ul>\n<h2>Control API</h2>\n<ul>\n");
        CONTROL.forEach((k, v) -> {
            String path = v.substring(v.indexOf(' ') + 1);
            boolean link = v.startsWith("GET") && !path.contains("{");
            b.append("<li>").append(k).append(": <code>")
                    .append(link ? "<a href=\"" + path + "\">" + escape(v) + "</a>" : escape(v)).append("</code></li>\n");
        });
        return b.append("</ul>\n</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
