package io.cloudmock.ncp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NcpParamsTest {

    @Test
    void queryAndBodyAreMergedAndDecoded() {
        NcpParams p = NcpParams.decode("responseFormatType=json&regionCode=KR",
                "serverName=web%2D1&serverDescription=hello+world");
        assertEquals("json", p.get("responseFormatType"));
        assertEquals("KR", p.get("regionCode"));
        assertEquals("web-1", p.get("serverName"));
        assertEquals("hello world", p.get("serverDescription"));
    }

    @Test
    void theBodyWinsOverTheQueryForTheSameName() {
        assertEquals("b", NcpParams.decode("x=a", "x=b").get("x"));
    }

    @Test
    void emptyValuesCountAsAbsent() {
        NcpParams p = NcpParams.decode("serverName=&flag", null);
        assertNull(p.get("serverName"));
        assertFalse(p.has("flag"));
        assertEquals("d", p.get("serverName", "d"));
    }

    @Test
    void listsAreReadInIndexOrderWhateverTheOrderSent() {
        NcpParams p = NcpParams.decode("ids.2=b&ids.1=a&ids.10=c&ids.x=no&idsX.1=no&ids.0=no", null);
        assertEquals(List.of("a", "b", "c"), p.list("ids"));
        assertEquals(List.of(), p.list("missing"));
    }

    @Test
    void structListsWithNestedLists() {
        NcpParams p = NcpParams.decode("networkInterfaceList.1.networkInterfaceOrder=0"
                + "&networkInterfaceList.1.accessControlGroupNoList.1=123"
                + "&networkInterfaceList.1.accessControlGroupNoList.2=456"
                + "&networkInterfaceList.2.networkInterfaceOrder=1"
                + "&networkInterfaceList.2.accessControlGroupNoList.1=789", null);
        List<NcpParams> nics = p.structList("networkInterfaceList");
        assertEquals(2, nics.size());
        assertEquals("0", nics.get(0).get("networkInterfaceOrder"));
        assertEquals(List.of("123", "456"), nics.get(0).list("accessControlGroupNoList"));
        assertEquals(List.of("789"), nics.get(1).list("accessControlGroupNoList"));
    }

    @Test
    void booleansInAnyCaseAsPythonSendsThem() {
        NcpParams p = NcpParams.decode("a=True&b=false&c=TRUE&d=yes", null);
        assertTrue(p.bool("a"));
        assertFalse(p.bool("b"));
        assertTrue(p.bool("c"));
        NcpException e = assertThrows(NcpException.class, () -> p.bool("d"));
        assertEquals(NcpError.INVALID_PARAMETER, e.error());
        assertNull(p.bool("none"));
    }

    @Test
    void integersAreRangeChecked() {
        NcpParams p = NcpParams.decode("n=5&big=99999999999&word=five", null);
        assertEquals(5, p.integer("n", 1, 20));
        assertThrows(NcpException.class, () -> p.integer("n", 6, 20));
        assertThrows(NcpException.class, () -> p.integer("big", 0, Integer.MAX_VALUE));
        assertThrows(NcpException.class, () -> p.integer("word", 0, 10));
    }

    @Test
    void duplicatedIdsAreRefused() {
        NcpParams p = NcpParams.decode("serverInstanceNoList.1=1&serverInstanceNoList.2=1", null);
        NcpException e = assertThrows(NcpException.class, () -> p.idList("serverInstanceNoList"));
        assertEquals(NcpError.DUPLICATED_PARAMETER, e.error());
    }

    @Test
    void aRequiredParameterNamesItselfInTheError() {
        NcpException e = assertThrows(NcpException.class, () -> NcpParams.decode("", "").require("serverInstanceNo"));
        assertEquals("900", e.error().code());
        assertEquals("Required field is not specified. location : serverInstanceNo.", e.getMessage());
    }

    @Test
    void unescapedPercentSignsAreKeptAsSent() {
        // ncloud-sdk-go-v2 does not escape list elements
        assertEquals("100%", NcpParams.decode("tag.1=100%", null).list("tag").get(0));
    }

    @Test
    void whatNoHandlerReadIsNamedWithListIndexesFolded() {
        NcpParams p = NcpParams.decode("responseFormatType=json&serverInstanceNo=1&a=1&b.1=x&b.2=y&c.1.d=1&c.1.e=2&c.2.e=3"
                + "&empty=&z.1.k.1=v", null);
        p.get("serverInstanceNo"); // read before the handler (a fault rule's target): does not count
        p.startReading();
        p.get("a");
        p.list("b");
        p.structList("c").forEach(s -> s.get("d"));
        assertEquals(List.of("serverInstanceNo", "c.N.e", "z.N.k.N"), p.unread(java.util.Set.of("responseFormatType")));
        p.structList("c").forEach(s -> s.get("e"));
        p.get("serverInstanceNo");
        assertEquals(List.of("z.N.k.N"), p.unread(java.util.Set.of("responseFormatType")));
    }
}
