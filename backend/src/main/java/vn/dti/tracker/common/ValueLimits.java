package vn.dti.tracker.common;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * How large a number and how far a date in a request may go: what the database can hold. A decimal
 * has at most {@value #MAX_INTEGER_DIGITS} digits before the point (the widest column, numeric(20,6));
 * a date lies in the years 1 to 9999. Beyond that a value is refused where JSON is read, naming the
 * field, rather than failing in the database (or, for 1e999999999, while its digits are written out).
 * Whole numbers past their Java type are refused by Jackson itself (ProblemMapper names the field).
 */
public final class ValueLimits {

    public static final String CODE = "request.out-of-range";
    static final int MAX_INTEGER_DIGITS = 14;
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private ValueLimits() {
    }

    /** Whether {@code n} fits: at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point. */
    public static boolean fits(BigDecimal n) {
        return n == null || n.signum() == 0 || n.precision() - n.scale() <= MAX_INTEGER_DIGITS;
    }

    public static boolean fits(LocalDate date) {
        return date == null || date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR;
    }

    static String detail(String field) {
        return "Giá trị của trường '" + field + "' vượt quá giới hạn (số: tối đa " + MAX_INTEGER_DIGITS
                + " chữ số phần nguyên; ngày: từ năm " + MIN_YEAR + " đến " + MAX_YEAR + ").";
    }

    public static SimpleModule jacksonModule() {
        return new SimpleModule("value-limits").addDeserializer(BigDecimal.class, new Decimals()).addDeserializer(LocalDate.class, new Dates());
    }

    /** A number or date out of range; Jackson puts the path of the field on it as it unwinds. */
    public static final class OutOfRangeException extends MismatchedInputException {
        OutOfRangeException(JsonParser parser, Class<?> type) {
            super(parser, "value out of range", type);
        }
    }

    static final class Decimals extends StdScalarDeserializer<BigDecimal> {
        private static final JsonDeserializer<BigDecimal> DELEGATE = NumberDeserializers.BigDecimalDeserializer.instance;

        Decimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = DELEGATE.deserialize(parser, context);
            if (!fits(value)) {
                throw new OutOfRangeException(parser, BigDecimal.class);
            }
            return value;
        }
    }

    static final class Dates extends StdScalarDeserializer<LocalDate> {
        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (!fits(value)) {
                throw new OutOfRangeException(parser, LocalDate.class);
            }
            return value;
        }
    }
}
