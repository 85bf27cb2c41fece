package io.cloudmock;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cloudmock.core.Json;
import org.slf4j.event.KeyValuePair;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@code --log-format json}: each log event as one compact JSON object on one line:
 * {@code {"time","level","logger","message", ...key-value pairs as typed fields, "exception"}}.
 * Written by hand over Jackson's streaming generator because logback's own {@code JsonEncoder} nests and
 * repeats far more than a log reader wants (context, markers, argument arrays).
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("message", event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair kv : event.getKeyValuePairs()) {
                    json.writeFieldName(kv.key);
                    writeValue(json, kv.value);
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(CoreConstants.LINE_SEPARATOR).toString();
    }

    /** Numbers and booleans stay typed (status 404, durationMs 3); everything else is its string. */
    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) json.writeNull();
        else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number) json.writeNumber(value.toString());
        else if (value instanceof Boolean) json.writeBoolean((Boolean) value);
        else json.writeString(value.toString());
    }
}
