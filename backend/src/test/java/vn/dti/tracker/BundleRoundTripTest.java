package vn.dti.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** export → import into an empty database → export again gives the same bundles, byte for byte. */
@QuarkusTest
@TestProfile(BundleRoundTripTest.EmptyDatabase.class)
class BundleRoundTripTest {

    public static class EmptyDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // No demo data: the first administrator comes from the bootstrap settings, as in production.
            return Map.of("dti.demo.load", "false", "dti.bootstrap.admin-password", Api.DEMO_PASSWORD, "dti.bootstrap.unit-code", "ROUNDTRIP-ROOT");
        }
    }

    @Inject
    EntityManager em;

    void emptyTheDatabase() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "truncate dti_rank_result, dti_rank_target, dti_pillar, dti_framework, task_unit, task, indicator_target,"
                        + " indicator_cooperating_unit, indicator, plan_group, plan_legal_basis, plan cascade;"
                        + " delete from org_unit where id not in (select org_unit_id from app_user)")
                .executeUpdate());
    }

    /** The ETag of each export, by its body: importing it again names it. */
    final java.util.Map<String, String> tags = new java.util.HashMap<>();

    List<String> importAndExport(List<String> bundles) {
        List<String> exported = new ArrayList<>();
        for (String bundle : bundles) {
            String code = Api.json().body(bundle).post("/api/v1/plan-bundles").then().statusCode(200).extract().path("planCode");
            var export = Api.json().get("/api/v1/plans/" + Api.planId(code) + "/bundle").then().statusCode(200).extract();
            exported.add(export.asString());
            tags.put(export.asString(), export.header("ETag"));
        }
        return exported;
    }

    @Test
    void exportImportExportIsTheSame() throws Exception {
        emptyTheDatabase();
        List<String> files = new ArrayList<>();
        for (String name : List.of("01-dong-nai-dti-2026-2030.json", "02-xuan-loc-cds-2026.json", "03-phu-lam-dti-2026-2030.json")) {
            files.add(DemoPlansTest.resource(name).toString());
        }
        List<String> first = importAndExport(files);

        emptyTheDatabase();
        List<String> second = importAndExport(first);
        assertEquals(first, second);

        // And importing the same export again changes nothing at all.
        for (String bundle : second) {
            Api.json().header("If-Match", tags.get(bundle)).body(bundle).post("/api/v1/plan-bundles").then().statusCode(200)
                    .body("etag", org.hamcrest.Matchers.equalTo(tags.get(bundle)))
                    .body("plan.updated", org.hamcrest.Matchers.empty())
                    .body("indicators.updated", org.hamcrest.Matchers.empty())
                    .body("tasks.updated", org.hamcrest.Matchers.empty())
                    .body("orgUnits.updated", org.hamcrest.Matchers.empty())
                    .body("dtiTargets.updated", org.hamcrest.Matchers.empty())
                    .body("dtiResults.updated", org.hamcrest.Matchers.empty());
        }
    }
}
