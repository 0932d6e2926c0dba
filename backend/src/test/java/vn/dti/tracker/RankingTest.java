package vn.dti.tracker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

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
        Api.json().body(Map.of("frameworkId", frameworkId, "targets", List.of(target, total)))
                .put("/api/v1/org-units/" + unitId + "/dti-targets").then().statusCode(200);
        Api.json().body(Map.of("frameworkId", frameworkId, "source", "Báo cáo DTI 2026 của Bộ KH&CN",
                "results", List.of(result("HT", 3, 34), result(null, 14, 34))))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then().statusCode(200)
                .body("rows[0].gaps[0].met", equalTo(true))
                .body("rows[0].gaps[0].gap", equalTo(-1))
                .body("rows[6].gaps[0].met", equalTo(false))
                .body("rows[6].gaps[0].gap", equalTo(2))
                .body("rows[6].results[0].source", equalTo("Báo cáo DTI 2026 của Bộ KH&CN"));

        Api.refused(Api.json().body(Map.of("frameworkId", frameworkId, "results", List.of(result("HT", 40, 34))))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then(), 400, "rank.invalid", "results[0].rank");
        Api.refused(Api.json().body(Map.of("frameworkId", frameworkId, "results", List.of(result("XX", 3, 34))))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then(), 400, "rank.invalid", "results[0].pillarCode");
        Map<String, Object> scored = result("NL", 3, 34);
        scored.put("score", 150);
        Api.refused(Api.json().body(Map.of("frameworkId", frameworkId, "results", List.of(scored)))
                .put("/api/v1/org-units/" + unitId + "/dti-results/2026").then(), 400, "rank.invalid", "results[0].score");
        // The refused writes left the recorded year as it was.
        Api.json().get("/api/v1/org-units/" + unitId + "/dti-ranking").then()
                .body("rows[0].results", hasSize(1)).body("rows[0].results[0].rank", equalTo(3));
    }
}
