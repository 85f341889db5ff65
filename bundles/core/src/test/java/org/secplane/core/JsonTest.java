package org.secplane.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedStructuresInOrderWithEscapes() {
        Map<String, Object> sa = new LinkedHashMap<>();
        sa.put("index", 3);
        sa.put("state", "UP");
        sa.put("note", "a \"quoted\"\nline");
        sa.put("flags", List.of(true, false));
        sa.put("empty", Map.of());
        assertEquals("{\n  \"sa\": [\n    {\n      \"index\": 3,\n      \"state\": \"UP\",\n"
                + "      \"note\": \"a \\\"quoted\\\"\\nline\",\n      \"flags\": [\n        true,\n        false\n"
                + "      ],\n      \"empty\": {}\n    }\n  ]\n}\n", Json.write(Map.of("sa", List.of(sa))));
    }
}
