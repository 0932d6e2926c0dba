package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.s3.S3Client;
import vn.dti.tracker.evidence.BlobStore;
import vn.dti.tracker.evidence.EvidenceJanitor;
import vn.dti.tracker.evidence.EvidenceStoreHealth;
import vn.dti.tracker.evidence.S3BlobStore;

/** The same evidence rules with content in S3-compatible object storage (S3Mock, a real HTTP server). */
@QuarkusTest
@TestProfile(S3EvidenceTest.ObjectStorage.class)
class S3EvidenceTest {

    public static class ObjectStorage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3MockResource.class));
        }
    }

    @Inject
    BlobStore blobs;

    @Inject
    EvidenceJanitor janitor;

    @Inject
    DataSource db;

    @Inject
    S3Client s3;

    @Test
    void contentLivesInTheBucketOncePerHashAndComesBackIntact() throws Exception {
        assertTrue(blobs.describe().startsWith("s3://" + S3MockResource.BUCKET + "/"), blobs.describe());
        byte[] content = EvidenceTest.pdf();
        String sha = EvidenceTest.sha256(content);
        String first = EvidenceTest.upload("reporter", "Kế hoạch số 12.pdf", content, Map.of()).then().statusCode(201)
                .body("sha256", equalTo(sha)).extract().path("id");
        EvidenceTest.upload("reporter", "ban-sao.pdf", content, Map.of()).then().statusCode(201).body("sha256", equalTo(sha));
        assertTrue(blobs.exists(sha));
        long[] objects = {0};
        blobs.forEach(o -> objects[0] += o.sha256().equals(sha) ? 1 : 0);
        assertEquals(1, objects[0], "stored once");

        byte[] got = Api.as("reporter").accept("*/*").get("/api/v1/evidence/" + first + "/content").then().statusCode(200)
                .header("Content-Length", String.valueOf(content.length)).extract().asByteArray();
        assertArrayEquals(content, got);
        Api.json().get("/api/v1/evidence/integrity").then().statusCode(200).body("problems.sha256", not(hasItem(sha)))
                .body("storage", equalTo(blobs.describe()));
    }

    @Test
    void theSweepAndTheCheckWorkOnTheBucketToo() throws Exception {
        byte[] orphanContent = EvidenceTest.pdf();
        String orphan = EvidenceTest.upload("reporter", "bo-quen.pdf", orphanContent, Map.of()).then().statusCode(201).extract().path("id");
        try (var c = db.getConnection(); var st = c.prepareStatement(
                "update evidence set unattached_since = now() - interval '2 days' where id = ?")) {
            st.setObject(1, UUID.fromString(orphan));
            st.executeUpdate();
        }
        byte[] strayContent = EvidenceTest.pdf();
        String stray = EvidenceTest.sha256(strayContent);
        Path file = Files.createTempFile("stray", ".pdf");
        Files.write(file, strayContent);
        blobs.put(stray, file, strayContent.length);
        byte[] lostContent = EvidenceTest.pdf();
        EvidenceTest.upload("reporter", "mat.pdf", lostContent, Map.of()).then().statusCode(201);
        blobs.delete(EvidenceTest.sha256(lostContent));

        Api.json().get("/api/v1/evidence/integrity").then().statusCode(200)
                .body("problems.find { it.sha256 == '" + stray + "' }.problem", equalTo("UNREFERENCED"))
                .body("problems.find { it.sha256 == '" + EvidenceTest.sha256(lostContent) + "' }.problem", equalTo("MISSING"));
        var result = janitor.sweep(Instant.now());
        assertTrue(result.evidenceRemoved() >= 1 && result.strayFilesRemoved() >= 1, result.toString());
        assertFalse(blobs.exists(EvidenceTest.sha256(orphanContent)));
        assertFalse(blobs.exists(stray));
        // Uploading lost content again puts it back.
        EvidenceTest.upload("reporter", "mat.pdf", lostContent, Map.of()).then().statusCode(201);
        assertTrue(blobs.exists(EvidenceTest.sha256(lostContent)));
        Files.deleteIfExists(file);
    }

    @Test
    void readinessAsksTheBucket() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Evidence store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Evidence store' }.data.storage", equalTo("s3"));
        // The same server, a bucket that is not there (a wrong name in the settings, a bucket removed): down.
        S3BlobStore missing = new S3BlobStore(s3, "khong-co-" + UUID.randomUUID().toString().substring(0, 8), "evidence/");
        assertEquals(HealthCheckResponse.Status.DOWN, EvidenceStoreHealth.check(missing).getStatus());
        assertEquals(HealthCheckResponse.Status.UP, EvidenceStoreHealth.check(blobs).getStatus());
    }
}
