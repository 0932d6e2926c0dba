package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * How the web app and the API travel: compressed for a client that accepts it, index.html revalidated at every
 * visit, the content-hashed files kept for a year.
 */
@QuarkusTest
class WebAppServingTest {

    /** A stand-in for a hashed script of the built app (src/test/resources/META-INF/resources/assets). */
    private static final String ASSET = "/assets/fixture-Bq7xT2kd.js";

    /** Bodies as they came over the wire: REST Assured would otherwise undo gzip itself. */
    private static RequestSpecification raw(RequestSpecification spec, String acceptEncoding) {
        return spec.config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", acceptEncoding);
    }

    private static byte[] asset() throws IOException {
        try (InputStream in = WebAppServingTest.class.getResourceAsStream("/META-INF/resources" + ASSET)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aScriptGoesGzippedToAClientThatAcceptsGzip() throws IOException {
        Response response = raw(given(), "gzip").get(ASSET);
        response.then().statusCode(200).header("Content-Encoding", "gzip").header("Content-Type", containsString("javascript"));
        byte[] wire = response.asByteArray();
        assertTrue(wire.length < asset().length / 3, "compressed to " + wire.length + " of " + asset().length + " bytes");
        assertArrayEquals(asset(), new GZIPInputStream(new ByteArrayInputStream(wire)).readAllBytes());
    }

    @Test
    void aScriptGoesAsBrotliToABrowserThatAcceptsIt() throws IOException {
        Response response = raw(given(), "gzip, deflate, br").get(ASSET);
        response.then().statusCode(200).header("Content-Encoding", "br");
        Brotli4jLoader.ensureAvailability();
        try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            assertArrayEquals(asset(), in.readAllBytes());
        }
    }

    @Test
    void aClientThatAcceptsNoEncodingGetsThePlainFile() throws IOException {
        Response response = raw(given(), "identity").get(ASSET);
        response.then().statusCode(200).header("Content-Encoding", anyOf(equalTo("identity"), org.hamcrest.Matchers.nullValue()));
        assertArrayEquals(asset(), response.asByteArray());
    }

    @Test
    void jsonAnswersGoGzipped() throws IOException {
        // Without the contract check, which would read the body still compressed.
        Response response = raw(Api.as("viewer").noFilters(), "gzip").get("/api/v1/plans");
        response.then().statusCode(200).header("Content-Encoding", "gzip").header("Content-Type", containsString("application/json"));
        String body = new String(new GZIPInputStream(new ByteArrayInputStream(response.asByteArray())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.startsWith("{") && body.contains("\"items\""), body);
    }

    @Test
    void hashedFilesAreKeptForAYearAndAMissingOneIsNot() {
        given().get(ASSET).then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
        given().get("/assets/missing-Zz9Zz9Zz.js").then().statusCode(404).header("Cache-Control", "no-cache");
    }

    @Test
    void theAppsPageIsRevalidatedAtEveryVisitAndAnsweredNotModifiedWhileUnchanged() {
        Assumptions.assumeTrue(Files.exists(Path.of("../frontend/dist/index.html")),
                "the web app is built by make test-frontend before the backend's tests");
        for (String path : new String[] {"/", "/index.html", "/plans", "/my-work/reports/" + java.util.UUID.randomUUID()}) {
            Response page = given().accept("text/html").get(path);
            page.then().statusCode(200).header("Cache-Control", "no-cache").header("Content-Type", containsString("text/html"))
                    .header("Cache-Control", not(containsString("immutable"))).header("Last-Modified", notNullValue());
            given().accept("text/html").header("If-Modified-Since", page.header("Last-Modified")).get(path).then().statusCode(304);
        }
        given().get("/favicon.svg").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void apiAnswersKeepTheirOwnCachingRules() {
        Api.as("viewer").get("/api/v1/plans").then().statusCode(200).header("Cache-Control", not(containsString("immutable")));
    }
}
