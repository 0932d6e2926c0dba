package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Rank targets and published results of a unit, side by side with the gap. */
@QuarkusTest
class RankingTest {

    static Map<String, Object> rank(String pillar, int year, int rank, int outOf) {
        Map<String, Object> m = new HashMap<>();
        m.put("pillarCode", pillar);
        m.put("year", year);
        m.put("rank", rank);
        m.put("outOf", outOf);
        return m;
    }

    static Map<String, Object> result(String pillar, int rank, int outOf) {
        Map<String, Object> m = rank(pillar, 0, rank, outOf);
        m.remove("year");
        return m;
    }

    @Test
    void targetsAndResultsGiveTheGap() {
        String frameworkId = Api.json().get("/api/v1/dti-frameworks").then().statusCode(200)
                .body("items.code", hasItem("DTI-405-2025")).extract().path("items.find { it.code == 'DTI-405-2025' }.id");
        String unitId = Api.createUnit(Api.code("T"), "Tỉnh thử", "PROVINCE", null);
        Map<String, Object> target = rank("HT", 2026, 4, 34);
        target.put("comparator", "LE");
        target.put("wording", "≤4");
        Map<String, Object> total = rank(null, 2026, 12, 34);
        total.put("comparator", "LE");
        Api.json().header("If-Match", "\"0\"").body(Map.of("frameworkId", frameworkId, "targets", List.of(target, total)))
                .put("/api/v1/org-units/" + unitId + "/dti-targets").then().statusCode(200).body("version", equalTo(1));
        Api.json().header("If-Match", "\"1\"").body(Map.of("frameworkId", frameworkId, "source", "Báo cáo DTI 2026 của Bộ KH&CN",
                "results", List.of(result("HT", 3, 34), result(null, 14, 34))))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then().statusCode(200)
                .body("rows[0].gaps[0].met", equalTo(true))
                .body("rows[0].gaps[0].gap", equalTo(-1))
                .body("rows[6].gaps[0].met", equalTo(false))
                .body("rows[6].gaps[0].gap", equalTo(2))
                .body("rows[6].results[0].source", equalTo("Báo cáo DTI 2026 của Bộ KH&CN"))
                .body("version", equalTo(2));

        Api.refused(Api.json().header("If-Match", "\"2\"").body(Map.of("frameworkId", frameworkId, "results", List.of(result("HT", 40, 34))))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then(), 400, "rank.invalid", "results[0].rank");
        Api.refused(Api.json().header("If-Match", "\"2\"").body(Map.of("frameworkId", frameworkId, "results", List.of(result("XX", 3, 34))))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then(), 400, "rank.invalid", "results[0].pillarCode");
        Map<String, Object> scored = result("NL", 3, 34);
        scored.put("score", 150);
        Api.refused(Api.json().header("If-Match", "\"2\"").body(Map.of("frameworkId", frameworkId, "results", List.of(scored)))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then(), 400, "rank.invalid", "results[0].score");
        // The refused writes left the recorded year as it was.
        Api.json().queryParam("frameworkId", frameworkId).get("/api/v1/org-units/" + unitId + "/dti-ranking").then()
                .body("rows[0].results", hasSize(1)).body("rows[0].results[0].rank", equalTo(3)).body("version", equalTo(2));
    }

    /** The ranking's version as an If-Match names it. */
    static String rankingTag(String unitId, String frameworkId) {
        int version = Api.json().queryParam("frameworkId", frameworkId).get("/api/v1/org-units/" + unitId + "/dti-ranking").then()
                .statusCode(200).extract().path("version");
        return "\"" + version + "\"";
    }

    static String frameworkId() {
        return Api.json().get("/api/v1/dti-frameworks").then().statusCode(200).extract().path("items.find { it.code == 'DTI-405-2025' }.id");
    }

    static Map<String, Object> targets(String frameworkId, int rank) {
        Map<String, Object> total = rank(null, 2027, rank, 34);
        total.put("comparator", "LE");
        return Map.of("frameworkId", frameworkId, "targets", List.of(total));
    }

    @Test
    void aWriteWithoutIfMatchIsRefusedAndChangesNothing() {
        String frameworkId = frameworkId();
        String unitId = Api.createUnit(Api.code("T"), "Tỉnh thử", "PROVINCE", null);
        Api.refused(Api.json().body(targets(frameworkId, 5)).put("/api/v1/org-units/" + unitId + "/dti-targets").then(), 428,
                "request.if-match-required", "If-Match");
        Api.refused(Api.json().body(Map.of("frameworkId", frameworkId, "results", List.of(result(null, 9, 34))))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then(), 428, "request.if-match-required", "If-Match");
        Api.json().queryParam("frameworkId", frameworkId).get("/api/v1/org-units/" + unitId + "/dti-ranking").then()
                .body("rows[6].targets", hasSize(0)).body("rows[6].results", hasSize(0)).body("version", equalTo(0));
    }

    @Test
    void ofTwoEditorsWorkingFromTheSameVersionExactlyOneIsKept() throws Exception {
        String frameworkId = frameworkId();
        String unitId = Api.createUnit(Api.code("T"), "Tỉnh thử", "PROVINCE", null);
        Api.json().header("If-Match", "\"0\"").body(targets(frameworkId, 20)).put("/api/v1/org-units/" + unitId + "/dti-targets")
                .then().statusCode(200);
        String read = rankingTag(unitId, frameworkId);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> writes = new ArrayList<>();
            for (int rank : List.of(10, 15)) {
                writes.add(pool.submit(() -> {
                    start.await();
                    return Api.json().header("If-Match", read).body(targets(frameworkId, rank))
                            .put("/api/v1/org-units/" + unitId + "/dti-targets");
                }));
            }
            start.countDown();
            Response first = writes.get(0).get();
            Response second = writes.get(1).get();
            List<Integer> statuses = new ArrayList<>(List.of(first.statusCode(), second.statusCode()));
            Collections.sort(statuses);
            assertEquals(List.of(200, 412), statuses);
            Response winner = first.statusCode() == 200 ? first : second;
            Response loser = first.statusCode() == 200 ? second : first;
            int kept = winner.path("rows[6].targets[0].rank");
            Api.refused(loser.then(), 412, "conflict.stale-version", null).header("ETag", "\"2\"");
            Api.json().queryParam("frameworkId", frameworkId).get("/api/v1/org-units/" + unitId + "/dti-ranking").then()
                    .body("rows[6].targets", hasSize(1)).body("rows[6].targets[0].rank", equalTo(kept)).body("version", equalTo(2));
        } finally {
            pool.shutdownNow();
        }
    }
}
