package vn.dti.tracker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/** The check every test exchange goes through (ContractValidation) refuses what the contract does not describe. */
class ContractValidationTest {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("..", "openapi", "openapi.yaml").toAbsolutePath().toUri().toString()).build();

    private static ValidationReport check(String path, int status, String contentType, String body) {
        return VALIDATOR.validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build());
    }

    @Test
    void describedAnswersPass() {
        String problem = "{\"type\":\"https://dti.gov.vn/problems/plan.not-found\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"Không tìm thấy kế hoạch.\",\"code\":\"plan.not-found\",\"instance\":\"/api/v1/plans/x\"}";
        ValidationReport report = check("/api/v1/plans/0b6f7d2e-4c1a-4f5e-9a3b-2d8c6e1f0a57", 404, "application/problem+json", problem);
        assertFalse(report.hasErrors(), report.toString());
    }

    @Test
    void undescribedAnswersFail() {
        // A status the operation does not list.
        assertKey("validation.response.status.unknown", check("/api/v1/plans", 418, "application/json", "{}"));
        // A body without a property the schema requires.
        assertKey("validation.response.body.schema.required", check("/api/v1/plans", 200, "application/json",
                "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}"));
        // A field the schema does not have.
        String problem = "{\"type\":\"t\",\"title\":\"t\",\"status\":404,\"detail\":\"d\",\"code\":\"c\",\"instance\":\"i\",\"stack\":\"at ...\"}";
        assertKey("validation.response.body.schema.additionalProperties",
                check("/api/v1/plans/0b6f7d2e-4c1a-4f5e-9a3b-2d8c6e1f0a57", 404, "application/problem+json", problem));
        // An error answered as plain JSON instead of problem+json.
        assertTrue(check("/api/v1/plans/0b6f7d2e-4c1a-4f5e-9a3b-2d8c6e1f0a57", 404, "text/html", "<h1>404</h1>").hasErrors());
    }

    private static void assertKey(String key, ValidationReport report) {
        assertTrue(report.getMessages().stream().anyMatch(m -> m.getKey().equals(key)), "expected " + key + ": " + report);
    }
}
