package io.cloudmock.ncp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.cloudmock.core.Json;
import io.cloudmock.core.RenderCache;
import io.cloudmock.core.Resource;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The two wire formats of the NCP Server API: XML (the default) and JSON ({@code responseFormatType=json}).
 *
 * <p>JSON is pretty-printed with a space after every colon and no trailing newline: ncloud-sdk-go-v2 (and so
 * Terraform) cuts the payload out of the body by position and fails on compact JSON or a trailing newline
 * (reference 3.2). XML has no declaration, lists wrapped as {@code <xList><x>}, as in every documented sample.
 */
public enum NcpFormat {
    XML("application/xml;charset=UTF-8"),
    JSON("application/json;charset=utf-8"); // as the first version sent it (golden files); the XML one keeps UTF-8

    private static final ObjectWriter PRETTY = Json.MAPPER.writer(prettyPrinter());
    private static final XMLOutputFactory XML_OUT = XMLOutputFactory.newFactory();

    private final String contentType;

    NcpFormat(String contentType) { this.contentType = contentType; }

    public String contentType() { return contentType; }

    /** {@code responseFormatType}: json in any case means JSON; anything else (or nothing) XML. */
    public static NcpFormat of(String responseFormatType) {
        return responseFormatType != null && responseFormatType.equalsIgnoreCase("json") ? JSON : XML;
    }

    /**
     * A list item made from one resource: its view is built once per version of the resource and rendered once per
     * format and depth ({@link RenderCache}), then written as it was, so a list of 20 unchanged servers builds and
     * renders none of them. {@code variant} names the view (VPC or Classic server...) and {@code view} must read
     * nothing but the resource itself. Made under the account lock, since the reply is rendered after the lock
     * is released (a resource may have changed or be gone by then): the entry holds the view of that moment.
     * Two items are equal when they hold the same entry: the same resource, view and version.
     */
    static final class Item implements JsonSerializable {
        private final RenderCache.Entry entry;

        Item(Resource resource, String variant, Supplier<Map<String, Object>> view) {
            this.entry = RenderCache.entry(resource, variant, view);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> view() { return (Map<String, Object>) entry.view(); }

        @Override public boolean equals(Object o) { return o instanceof Item i && i.entry == entry; }
        @Override public int hashCode() { return System.identityHashCode(entry); }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
            int depth = gen.getOutputContext().getNestingDepth();
            gen.writeRawValue(entry.<String>form(depth, view -> {
                // rendered alone, then indented to where it sits: JSON strings carry no raw newline
                String alone = renderJsonValue(view);
                return depth == 0 ? alone : alone.replace("\n", "\n" + "  ".repeat(depth));
            }));
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider provider,
                                      com.fasterxml.jackson.databind.jsontype.TypeSerializer type) throws IOException {
            serialize(gen, provider);
        }
    }

    /** Where an XML item is written: its depth and element name. */
    private record XmlForm(int depth, String name) {}

    private static String renderJsonValue(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    /**
     * A successful response: the payload plus requestId, returnCode "0" and returnMessage "success". JSON puts the
     * payload first (as the service does); XML puts the three common fields first.
     */
    public String success(String action, Map<String, Object> payload, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (this == XML) {
            body.put("requestId", requestId);
            body.put("returnCode", "0");
            body.put("returnMessage", "success");
            body.putAll(payload);
        } else {
            body.putAll(payload);
            body.put("requestId", requestId);
            body.put("returnCode", "0");
            body.put("returnMessage", "success");
        }
        return render(action + "Response", body);
    }

    /** A service error: {@code responseError} with returnCode (a string) and returnMessage, no requestId. */
    public String error(String code, String message) {
        if (this == JSON) {
            // the exact layout of a real error body kept in the Terraform provider's tests
            return "{\"responseError\": {\n  \"returnCode\": " + quote(code) + ",\n  \"returnMessage\": "
                    + quote(message) + "\n}}";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("returnCode", code);
        body.put("returnMessage", message);
        return render("responseError", body);
    }

    /**
     * An API Gateway error (before the service): JSON as captured from the gateway; XML in the gateway's
     * documented {@code <Message>} envelope (the XML form is not verified, see docs/ncp.md).
     */
    public String gatewayError(String errorCode, String message, String details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", errorCode);
        error.put("message", message);
        error.put("details", details);
        if (this == JSON) {
            try {
                return Json.MAPPER.writeValueAsString(Map.of("error", error));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return render("Message", Map.of("error", error));
    }

    private static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String render(String root, Map<String, Object> body) {
        return this == JSON ? renderJson(root, body) : renderXml(root, body);
    }

    private static String renderJson(String root, Map<String, Object> body) {
        try {
            return PRETTY.writeValueAsString(Map.of(root, body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Captured real bodies start so (ncp-network-api.md 1.2); errors are taken to come from the same writer. */
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static String renderXml(String root, Map<String, Object> body) {
        StringWriter out = new StringWriter(2048);
        out.write(XML_DECLARATION);
        try {
            XMLStreamWriter w = XML_OUT.createXMLStreamWriter(out);
            w.writeStartElement(root);
            writeFields(w, out, body, 1);
            newline(w, 0);
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void writeFields(XMLStreamWriter w, StringWriter out, Map<?, ?> fields, int depth) throws XMLStreamException {
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            writeElement(w, out, e.getKey().toString(), e.getValue(), depth);
        }
    }

    private static void writeElement(XMLStreamWriter w, StringWriter out, String name, Object value, int depth) throws XMLStreamException {
        newline(w, depth);
        if (value instanceof Item item) {
            // the writer has closed every open tag with the newline: the item's own bytes follow as they are
            w.flush();
            out.write(item.entry.<String>form(new XmlForm(depth, name), view -> renderXmlItem(name, item.view(), depth)));
            return;
        }
        writeValue(w, out, name, value, depth);
    }

    /** One element alone, as {@link #writeElement} writes it after its newline. */
    private static String renderXmlItem(String name, Map<String, Object> view, int depth) {
        StringWriter alone = new StringWriter(2048);
        try {
            XMLStreamWriter w = XML_OUT.createXMLStreamWriter(alone);
            writeValue(w, alone, name, view, depth);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return alone.toString();
    }

    private static void writeValue(XMLStreamWriter w, StringWriter out, String name, Object value, int depth) throws XMLStreamException {
        if (value instanceof Map<?, ?> map) {
            w.writeStartElement(name);
            writeFields(w, out, map, depth + 1);
            newline(w, depth);
            w.writeEndElement();
        } else if (value instanceof NcpList list) {
            if (list.items().isEmpty()) {
                w.writeEmptyElement(name);
                return;
            }
            w.writeStartElement(name);
            for (Object item : list.items()) writeElement(w, out, list.item(), item, depth + 1);
            newline(w, depth);
            w.writeEndElement();
        } else if (value instanceof List<?>) {
            throw new IllegalArgumentException("XML lists must be NcpList to know their item name: " + name);
        } else {
            w.writeStartElement(name);
            w.writeCharacters(xmlChars(value == null ? "" : value.toString()));
            w.writeEndElement();
        }
    }

    /**
     * The text with every character XML 1.0 cannot carry, even escaped (control characters, U+FFFE/U+FFFF, lone
     * surrogates), replaced by U+FFFD, so a value a client stored never makes the document unreadable.
     */
    static String xmlChars(String s) {
        int bad = 0;
        while (bad < s.length() && xmlChar(s.codePointAt(bad))) bad += Character.charCount(s.codePointAt(bad));
        if (bad == s.length()) return s;
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, bad);
        s.codePoints().skip(s.codePointCount(0, bad))
                .forEach(c -> out.appendCodePoint(xmlChar(c) ? c : '\uFFFD'));
        return out.toString();
    }

    private static boolean xmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static void newline(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
