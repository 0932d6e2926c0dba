package vn.dti.tracker;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.JsonValidationReportFormat;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every HTTP exchange the tests make through REST Assured against the committed contract
 * ({@code openapi/openapi.yaml}), with Atlassian's swagger-request-validator. Every response must be one the
 * contract describes for its operation (status, content type, body schema, error answers included). A
 * request is checked too when the server accepted it (2xx): the server must not accept what the contract
 * says is invalid. Requests the server refused are not, since many tests send bad input on purpose.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {

    private static volatile boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!installed) {
            synchronized (ContractValidation.class) {
                if (!installed) {
                    RestAssured.filters(new ContractFilter(OpenApiInteractionValidator
                            .createForSpecificationUrl(Path.of("..", "openapi", "openapi.yaml").toAbsolutePath().toUri().toString())
                            .withLevelResolver(LevelResolver.create()
                                    // The validator reads the values of array query parameters as JSON when the contract is
                                    // OpenAPI 3.1 (type lists); their values are checked by the server's own tests.
                                    .withLevel("validation.request.parameter.schema.invalidJson", ValidationReport.Level.IGNORE)
                                    // Errors are application/problem+json whatever the client accepts (RFC 9457).
                                    .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                                    .build())
                            .build()));
                    installed = true;
                }
            }
        }
    }

    /** The REST Assured filter; exchanges outside the API (health, metrics, the web app) are not in the contract. */
    static final class ContractFilter implements Filter {

        private final OpenApiInteractionValidator validator;

        ContractFilter(OpenApiInteractionValidator validator) {
            this.validator = validator;
        }

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
            Response response = context.next(request, responseSpec);
            URI uri = URI.create(request.getURI());
            // CORS preflights are the browser's, not operations of the API.
            if (!uri.getRawPath().startsWith("/api/") || "OPTIONS".equalsIgnoreCase(request.getMethod())) {
                return response;
            }
            Request.Method method = Request.Method.valueOf(request.getMethod().toUpperCase(java.util.Locale.ROOT));
            ValidationReport report = validator.validateResponse(uri.getRawPath(), method, response(response));
            int status = response.statusCode();
            // Tests of unknown paths and methods: the contract cannot describe what is not there.
            if (status == 404 && has(report, "validation.request.path.missing")
                    || status == 405 && has(report, "validation.request.operation.notAllowed")) {
                return response;
            }
            // A request the server accepted must be one the contract allows. The validator does not read
            // multipart bodies: for uploads only the response is checked.
            if (status >= 200 && status < 300 && request.getMultiPartParams().isEmpty()) {
                report = report.merge(validator.validateRequest(request(method, uri, request)));
            }
            if (report.hasErrors()) {
                if (System.getProperty("contract.collect") != null) {
                    try {
                        java.nio.file.Files.writeString(Path.of("target", "contract-violations.txt"), request.getMethod() + " " + uri.getRawPath() + " → " + status + "\n"
                                + JsonValidationReportFormat.getInstance().apply(report) + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return response;
                }
                throw new AssertionError(request.getMethod() + " " + uri.getRawPath() + " → " + response.statusCode()
                        + " is not what the contract describes:\n" + JsonValidationReportFormat.getInstance().apply(report));
            }
            return response;
        }

        private static boolean has(ValidationReport report, String key) {
            return report.getMessages().stream().anyMatch(m -> m.getKey().equals(key));
        }

        private static SimpleResponse response(Response response) {
            SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
            for (Header header : response.getHeaders()) {
                builder.withHeader(header.getName(), header.getValue());
            }
            byte[] body = response.asByteArray();
            if (body.length > 0) {
                builder.withBody(body);
            }
            return builder.build();
        }

        private static Request request(Request.Method method, URI uri, FilterableRequestSpecification spec) {
            SimpleRequest.Builder builder = new SimpleRequest.Builder(method, uri.getRawPath());
            for (Header header : spec.getHeaders()) {
                builder.withHeader(header.getName(), header.getValue());
            }
            query(uri.getRawQuery()).forEach(builder::withQueryParam);
            Object body = spec.getBody();
            if (body instanceof byte[] bytes) {
                builder.withBody(bytes);
            } else if (body != null) {
                builder.withBody(body.toString());
            } else if (!spec.getFormParams().isEmpty()) {
                builder.withBody(spec.getFormParams().entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
            }
            return builder.build();
        }

        private static Map<String, List<String>> query(String raw) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (raw != null && !raw.isEmpty()) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            return params;
        }
    }
}
