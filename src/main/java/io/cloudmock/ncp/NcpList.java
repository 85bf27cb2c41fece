package io.cloudmock.ncp;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * A list in an NCP response. JSON renders the items as an array; XML wraps each one in {@code <item>} inside
 * the list element ({@code <serverInstanceList><serverInstance>...}).
 */
public record NcpList(String item, List<?> items) {
    @JsonValue
    public List<?> json() { return items; }
}
