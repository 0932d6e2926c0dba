package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract (openapi/openapi.yaml) is what the running backend serves. Run with
 * -Dcontract.update=true (make gen) to write the served contract into the file.
 */
@QuarkusTest
class ContractTest {

    private static final Path CONTRACT = Path.of("..", "openapi", "openapi.yaml");

    @Test
    void committedContractMatchesTheRunningBackend() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("contract.update")) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(CONTRACT) ? Files.readString(CONTRACT, StandardCharsets.UTF_8) : "";
        if (!committed.equals(served)) {
            Files.writeString(Path.of("target", "openapi-served.yaml"), served, StandardCharsets.UTF_8);
        }
        assertEquals(committed, served, "openapi/openapi.yaml differs from what the backend serves; run `make gen` and commit it");
    }
}
