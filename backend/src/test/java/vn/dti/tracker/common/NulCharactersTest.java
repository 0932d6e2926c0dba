package vn.dti.tracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A NUL character is refused in any JSON string, at any depth, and in any other text of a request, naming the field. */
class NulCharactersTest {

    record Target(int year, String wording) {
    }

    record Indicator(String code, List<String> tags, List<Target> targets) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(NulCharacters.jacksonModule());

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            out.append(ref.getFieldName() != null ? (out.length() > 0 ? "." : "") + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return out.toString();
    }

    @Test
    void textWithoutNulIsReadAsItIs() throws Exception {
        Indicator read = mapper.readValue("{\"code\":\"CT-1 Đồng Nai\",\"tags\":[\"a\",\"\"],\"targets\":[{\"year\":2026,\"wording\":\"≥ 80%\"}]}",
                Indicator.class);
        assertEquals(new Indicator("CT-1 Đồng Nai", List.of("a", ""), List.of(new Target(2026, "≥ 80%"))), read);
    }

    @Test
    void aNulInAStringFieldIsRefusedWithItsPath() {
        var e = assertThrows(NulCharacters.InJsonException.class, () -> mapper.readValue("{\"code\":\"CT\\u00001\"}", Indicator.class));
        assertEquals("code", path(e));
    }

    @Test
    void aNulDeepInsideIsRefusedWithItsPath() {
        var nested = assertThrows(NulCharacters.InJsonException.class,
                () -> mapper.readValue("{\"targets\":[{\"year\":2026},{\"year\":2027,\"wording\":\"\\u0000\"}]}", Indicator.class));
        assertEquals("targets[1].wording", path(nested));
        var inList = assertThrows(NulCharacters.InJsonException.class,
                () -> mapper.readValue("{\"tags\":[\"ok\",\"x\\u0000\"]}", Indicator.class));
        assertEquals("tags[1]", path(inList));
    }

    @Test
    void otherTextIsCheckedByTheSameRule() {
        NulCharacters.check("q", "Xuân Lộc");
        NulCharacters.check("q", null);
        DomainException refused = assertThrows(DomainException.class, () -> NulCharacters.check("q", "a\u0000"));
        assertEquals(NulCharacters.CODE, refused.code());
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        assertEquals(List.of("q"), refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void freeFormJsonIsCheckedToo() {
        var e = assertThrows(NulCharacters.InJsonException.class, () -> mapper.readValue("{\"a\":{\"b\":[\"\\u0000\"]}}", Map.class));
        // Jackson names the field of a free-form value, not the place inside it.
        assertEquals("a", path(e));
    }
}
