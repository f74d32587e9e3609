package lino.linod.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BodyTest {

    @Test
    void depthCountsBracketsOutsideStrings() {
        assertEquals(0, Body.depth("1"));
        assertEquals(1, Body.depth("{\"a\": \"[[[{{\"}"));
        assertEquals(3, Body.depth("{\"a\": [{\"b\": \"\\\"]\"}]}"));
        assertEquals(5000, Body.depth("[".repeat(5000) + "]".repeat(5000)));
    }
}
