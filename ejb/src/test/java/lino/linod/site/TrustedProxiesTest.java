package lino.linod.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void addressesAreReadInTheirCanonicalForm() {
        assertEquals(Set.of("10.0.0.1", "0:0:0:0:0:0:0:1"), Settings.addresses("trusted_proxies", " 10.0.0.1, ::1 ,"));
        assertEquals(Set.of(), Settings.addresses("trusted_proxies", ""));
    }

    @Test
    void namesAndNonsenseAreRefusedWithoutALookup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.addresses("trusted_proxies", "10.0.0.1, proxy.example.org"));
        assertEquals("linod.trusted_proxies: not an IP address: proxy.example.org", e.getMessage());
        for (String text : new String[] {"", "unknown", "abc", "1.2.3.4.5", "256.1.1.1", "10.0.0.1; rm", "deadbeef", "::g"}) {
            assertNull(Settings.canonicalAddress(text), text);
        }
    }
}
