package vn.dti.tracker.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every request body and every successful response of the contract an example, composed from
 * its schema: the examples the DTOs declare on their fields where they have one, otherwise a value of
 * the field's type and format within its limits. The contract lint checks that each one validates
 * against its schema. Binary content (files) has none: a file is its own example.
 */
final class ContractExamples {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final int MAX_DEPTH = 32;

    private final Map<String, Schema> schemas;

    private ContractExamples(Components components) {
        this.schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
    }

    static void fill(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null) {
            return;
        }
        ContractExamples examples = new ContractExamples(openAPI.getComponents());
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    examples.fill(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                    if (response.getKey().startsWith("2") && response.getValue().getRef() == null) {
                        examples.fill(response.getValue().getContent());
                    }
                }
            }
        }
    }

    private void fill(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> entry : content.getMediaTypes().entrySet()) {
            MediaType media = entry.getValue();
            if (entry.getKey().contains("ndjson") && media.getExamples() != null) {
                // The annotation scanner reads a JSON-looking example as JSON; an NDJSON body is text, a line per object.
                media.getExamples().values().stream().filter(e -> e.getValue() != null && !(e.getValue() instanceof String))
                        .forEach(e -> e.setValue(line(e.getValue())));
            }
            boolean declared = media.getExample() != null || media.getExamples() != null && !media.getExamples().isEmpty();
            if (declared || media.getSchema() == null || binary(media.getSchema())) {
                continue;
            }
            Object value = entry.getKey().startsWith("text/") || entry.getKey().contains("ndjson")
                    ? null : example(media.getSchema(), "", new HashSet<>(), 0);
            if (value != null) {
                media.addExample("example", OASFactory.createExample().value(value));
            }
        }
    }

    private static String line(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean binary(Schema schema) {
        Schema s = resolve(schema);
        return s != null && "binary".equals(s.getFormat());
    }

    private Schema resolve(Schema schema) {
        if (schema != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            return schemas.get(schema.getRef().substring(SCHEMAS.length()));
        }
        return schema;
    }

    /** An example value for the schema, or null when none can be composed (a cycle, or nothing but null allowed). */
    private Object example(Schema schema, String name, Set<String> visiting, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            String ref = schema.getRef().startsWith(SCHEMAS) ? schema.getRef().substring(SCHEMAS.length()) : null;
            if (ref == null || !visiting.add(ref)) {
                return null;
            }
            try {
                return example(schemas.get(ref), name, visiting, depth + 1);
            } finally {
                visiting.remove(ref);
            }
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().stream().filter(v -> v != null).findFirst().orElse(null);
        }
        for (List<Schema> choices : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (choices != null) {
                for (Schema choice : choices) {
                    Object value = example(choice, name, visiting, depth + 1);
                    if (value != null) {
                        return value;
                    }
                }
                return null;
            }
        }
        if (schema.getAllOf() != null) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema part : schema.getAllOf()) {
                Object value = example(part, name, visiting, depth + 1);
                if (value instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                } else if (value != null) {
                    return value;
                }
            }
            return merged.isEmpty() ? null : merged;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        Schema.SchemaType type = types.stream().filter(t -> t != Schema.SchemaType.NULL).findFirst()
                .orElse(schema.getProperties() != null ? Schema.SchemaType.OBJECT : null);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case OBJECT -> object(schema, name, visiting, depth);
            case ARRAY -> {
                Object item = example(schema.getItems(), name, visiting, depth + 1);
                List<Object> list = new ArrayList<>();
                if (item != null) {
                    list.add(item);
                }
                yield list;
            }
            case STRING -> string(schema, name);
            case INTEGER -> number(schema, true);
            case NUMBER -> number(schema, false);
            case BOOLEAN -> Boolean.TRUE;
            case NULL -> null;
        };
    }

    private Map<String, Object> object(Schema schema, String name, Set<String> visiting, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                Object value = example(property.getValue(), property.getKey(), visiting, depth + 1);
                if (value != null || required.contains(property.getKey()) && nullable(property.getValue())) {
                    object.put(property.getKey(), value);
                }
            }
        } else if (schema.getAdditionalPropertiesSchema() != null) {
            Object value = example(schema.getAdditionalPropertiesSchema(), name, visiting, depth + 1);
            if (value != null) {
                object.put("key", value);
            }
        }
        return object;
    }

    private boolean nullable(Schema schema) {
        Schema s = resolve(schema);
        if (s == null) {
            return false;
        }
        if (s.getType() != null && s.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        boolean untyped = (s.getType() == null || s.getType().isEmpty()) && s.getRef() == null && s.getProperties() == null
                && s.getAnyOf() == null && s.getOneOf() == null && s.getAllOf() == null && s.getEnumeration() == null;
        if (untyped) {
            return true;
        }
        for (List<Schema> choices : java.util.Arrays.asList(s.getAnyOf(), s.getOneOf())) {
            if (choices != null && choices.stream().anyMatch(this::nullable)) {
                return true;
            }
        }
        return false;
    }

    /** Plausible values for the string fields that recur across the API, by name. */
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("code", "DNAI.XUANLOC.VHXH"),
            Map.entry("periodKey", "2026-03"),
            Map.entry("key", "2026-03"),
            Map.entry("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
            Map.entry("title", "Quyết định ban hành Kế hoạch chuyển đổi số năm 2026"),
            Map.entry("name", "Phòng Văn hóa - Xã hội"),
            Map.entry("unitName", "Phòng Văn hóa - Xã hội"),
            Map.entry("comment", "Bổ sung tài liệu kiểm chứng"),
            Map.entry("note", "Báo cáo số 45/BC-UBND ngày 25/3/2026"),
            Map.entry("reason", "Số liệu tháng 3 cần điều chỉnh"),
            Map.entry("fileName", "Quyết định 123.pdf"),
            Map.entry("contentType", "application/pdf"),
            Map.entry("username", "vanthu.xuanloc"),
            Map.entry("password", "Mat-khau-2026"),
            Map.entry("phone", "0251 3871 234"),
            Map.entry("id", "0b6f7d2e-4c1a-4f5e-9a3b-2d8c6e1f0a57"),
            Map.entry("next", "djEuMTIzNDU2Ljk4NzY1NC4xNzk1NDgzMjAw.c2lnbmF0dXJl"),
            Map.entry("by", "Nguyễn Thị Lan"),
            Map.entry("achievements", "Đã tiếp nhận 1.450 hồ sơ trực tuyến toàn trình"),
            Map.entry("difficulties", "Đường truyền tại 3 ấp chưa ổn định"),
            Map.entry("proposals", "Đề nghị hỗ trợ thiết bị cho bộ phận một cửa"),
            Map.entry("evidenceExplanation", "Quyết định đang trình ký, sẽ bổ sung trước ngày 25"),
            Map.entry("docNumber", "123/QĐ-UBND"),
            Map.entry("issuer", "UBND xã Xuân Lộc"),
            Map.entry("summary", "Ban hành Kế hoạch chuyển đổi số năm 2026"),
            Map.entry("description", "Theo Kế hoạch số 45/KH-UBND"));

    private static Object string(Schema schema, String name) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String value = switch (format) {
            case "uuid" -> "0b6f7d2e-4c1a-4f5e-9a3b-2d8c6e1f0a57";
            case "date" -> "2026-03-20";
            case "date-time" -> "2026-03-20T08:30:00+07:00";
            case "time" -> "08:30:00";
            case "duration" -> "PT15M";
            case "email" -> "vanthu@xuanloc.dongnai.gov.vn";
            case "uri", "url" -> "https://dti.dongnai.gov.vn/van-ban/123";
            case "byte" -> "SGVsbG8=";
            default -> BY_NAME.getOrDefault(name, "Chuyển đổi số");
        };
        Integer min = schema.getMinLength();
        Integer max = schema.getMaxLength();
        StringBuilder text = new StringBuilder(value);
        while (min != null && text.length() < min) {
            text.append('x');
        }
        if (max != null && text.length() > max) {
            text.setLength(Math.max(max, min == null ? 1 : min));
        }
        return text.toString();
    }

    private static Object number(Schema schema, boolean integer) {
        BigDecimal value = BigDecimal.ONE;
        if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
            value = schema.getMinimum();
        }
        if (schema.getExclusiveMinimum() != null && value.compareTo(schema.getExclusiveMinimum()) <= 0) {
            value = schema.getExclusiveMinimum().add(BigDecimal.ONE);
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return integer ? (Object) value.longValue() : value;
    }
}
