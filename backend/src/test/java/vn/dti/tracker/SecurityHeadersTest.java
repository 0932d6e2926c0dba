package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.dti.tracker.common.SecurityHeaders;

/** The web app runs under a script policy that leaves an injected script nowhere to run. */
@QuarkusTest
class SecurityHeadersTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theAppIsServedUnderTheScriptPolicyAndTheApiUnderOneThatRunsNothing() {
        for (String path : List.of("/", "/plans", "/my-work/reports/" + java.util.UUID.randomUUID(), "/favicon.svg", "/assets/index.js")) {
            given().accept("text/html").get(path).then().header("Content-Security-Policy", equalTo(SecurityHeaders.APP_POLICY));
        }
        Api.as("viewer").get("/api/v1/plans").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        Api.refused(Api.as("viewer").get("/api/v1/nothing").then(), 404, "resource.not-found", null)
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }

    @Test
    void swaggerUiKeepsItsInlineScriptsButIsNotFramed() {
        given().get("/q/openapi").then().statusCode(200).header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
    }

    @Test
    void thePolicyAllowsNoInlineOrForeignScriptNorPluginsNorFraming() {
        Map<String, String> policy = directives(SecurityHeaders.APP_POLICY);
        assertEquals("'self'", policy.get("script-src"));
        assertEquals("'self'", policy.get("default-src"));
        assertEquals("'self'", policy.get("style-src"));
        assertEquals("'none'", policy.get("object-src"));
        assertEquals("'self'", policy.get("base-uri"));
        assertEquals("'none'", policy.get("frame-ancestors"));
        assertFalse(SecurityHeaders.APP_POLICY.contains("unsafe"), SecurityHeaders.APP_POLICY);
    }

    @Test
    void nginxSendsTheSamePolicyOnTheFilesItServes() throws IOException {
        String conf = Files.readString(ROOT.resolve("deploy/images/nginx/security-headers.conf"));
        Matcher m = Pattern.compile("add_header Content-Security-Policy \"([^\"]+)\" always;").matcher(conf);
        assertTrue(m.find(), conf);
        assertEquals(SecurityHeaders.APP_POLICY, m.group(1));
    }

    /** The built page must not need 'unsafe-inline': every script it has is a file of the app. */
    @Test
    void theBuiltPageHasNoInlineScript() throws IOException {
        Path index = ROOT.resolve("frontend/dist/index.html");
        Assumptions.assumeTrue(Files.exists(index), "the web app is built by make test-frontend before the backend's tests");
        String html = Files.readString(index);
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "a script without src: " + scripts.group());
            assertEquals("", scripts.group(2).trim(), "a script with inline code: " + scripts.group());
        }
        assertTrue(count > 0, "the page loads its script");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "an inline event handler in " + html);
        assertFalse(html.contains("<style"), "an inline style element in " + html);
    }

    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.split(" ", 2)[1], (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
