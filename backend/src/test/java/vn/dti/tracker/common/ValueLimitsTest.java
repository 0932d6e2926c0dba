package vn.dti.tracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Numbers and dates of a request go as far as the database can hold, and no further. */
class ValueLimitsTest {

    record Result(Integer rank, BigDecimal score, LocalDate docDate, List<BigDecimal> values) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(ValueLimits.jacksonModule());

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            out.append(ref.getFieldName() != null ? (out.length() > 0 ? "." : "") + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return out.toString();
    }

    @Test
    void valuesTheDatabaseHoldsAreRead() throws Exception {
        Result read = mapper.readValue("{\"rank\":2147483647,\"score\":99999999999999.999999,\"docDate\":\"9999-12-31\",\"values\":[-1e13,0.000001,0]}",
                Result.class);
        assertEquals(new BigDecimal("99999999999999.999999"), read.score());
        assertEquals(LocalDate.of(9999, 12, 31), read.docDate());
        assertEquals(3, read.values().size());
    }

    @Test
    void aDecimalWithTooManyDigitsIsRefusedWithItsField() {
        var e = assertThrows(ValueLimits.OutOfRangeException.class, () -> mapper.readValue("{\"score\":100000000000000}", Result.class));
        assertEquals("score", path(e));
        var deep = assertThrows(ValueLimits.OutOfRangeException.class, () -> mapper.readValue("{\"values\":[1,-1e400]}", Result.class));
        assertEquals("values[1]", path(deep));
    }

    @Test
    void aHugeExponentIsRefusedWithoutWritingItsDigitsOut() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(ValueLimits.OutOfRangeException.class,
                () -> mapper.readValue("{\"score\":1e999999999}", Result.class)));
    }

    @Test
    void aDateOutsideTheYears1To9999IsRefusedWithItsField() {
        var e = assertThrows(ValueLimits.OutOfRangeException.class, () -> mapper.readValue("{\"docDate\":\"+99999999-12-31\"}", Result.class));
        assertEquals("docDate", path(e));
        assertThrows(ValueLimits.OutOfRangeException.class, () -> mapper.readValue("{\"docDate\":\"-0001-01-01\"}", Result.class));
    }

    @Test
    void aWholeNumberPastItsTypeIsRefusedByJacksonWithItsField() {
        // ProblemMapper answers this one with the same code.
        var e = assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"rank\":2147483648}", Result.class));
        assertInstanceOf(InputCoercionException.class, e.getCause());
        assertEquals("rank", path(e));
    }
}
