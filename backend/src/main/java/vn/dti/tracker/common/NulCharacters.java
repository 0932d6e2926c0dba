package vn.dti.tracker.common;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * No text the product receives may hold a NUL character (U+0000): PostgreSQL cannot store it in text
 * or jsonb, and no person types it. It is refused where text enters (a JSON string at any depth, a
 * query, path or header value, a form field), naming the field, before any service sees it.
 */
public final class NulCharacters {

    public static final String CODE = "request.nul-character";

    private NulCharacters() {
    }

    public static boolean contains(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /** The refusal of a value with a NUL character in {@code field}. */
    public static DomainException refusal(String field) {
        String detail = "Trường '" + field + "' chứa ký tự NUL (\\u0000), không được phép trong dữ liệu văn bản.";
        return DomainException.invalidField(field, CODE, detail);
    }

    /** Refuses {@code value} when it holds a NUL character. */
    public static void check(String field, String value) {
        if (contains(value)) {
            throw refusal(field);
        }
    }

    /** Jackson's string deserializer with the rule: every JSON string a request body holds passes through it. */
    public static SimpleModule jacksonModule() {
        return new SimpleModule("nul-characters").addDeserializer(String.class, new Strings());
    }

    /** A JSON string with a NUL character; Jackson puts the path of the field on it as it unwinds. */
    public static final class InJsonException extends MismatchedInputException {
        InJsonException(JsonParser parser) {
            super(parser, "NUL character in a string", String.class);
        }
    }

    static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (contains(value)) {
                throw new InJsonException(parser);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
