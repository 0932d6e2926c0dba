package vn.dti.tracker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.dti.tracker.auth.Passwords;

/**
 * Sign-in under attack: refresh tokens used twice at once, guessing names, and locking other people out. Each
 * test signs in from addresses of its own (X-Forwarded-For, which the test profile trusts), as clients behind
 * the province's proxy do.
 */
@QuarkusTest
class SignInDefenceTest {

    @Inject
    Passwords passwords;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "dti.auth.address-limit.failures")
    int addressLimit;

    static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static Response signIn(String address, String username, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "username", username, "password", password)).post("/api/v1/auth/token");
    }

    static Response client(String address, String clientId, String secret) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post("/api/v1/auth/token");
    }

    /** What a caller can observe of a refusal, but for the request's own id and the seconds to wait (the same for every name). */
    static Map<String, Object> answer(Response r) {
        Map<String, Object> seen = new HashMap<>(r.jsonPath().getMap("$"));
        seen.remove("requestId");
        seen.put("status", r.statusCode());
        seen.put("contentType", r.contentType());
        seen.put("WWW-Authenticate", r.header("WWW-Authenticate"));
        seen.put("Retry-After", r.header("Retry-After") == null ? null : "present");
        seen.computeIfPresent("detail", (k, v) -> v.toString().replaceAll("\\d+", "N"));
        return seen;
    }

    /** Runs the sign-in and says how many bcrypt verifications it made. */
    long bcryptsOf(Runnable call) {
        long before = passwords.verifications();
        call.run();
        return passwords.verifications() - before;
    }

    long audited(String action, String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where action = :action and client_ip = :ip")
                .setParameter("action", action).setParameter("ip", address).getSingleResult()).longValue());
    }

    static Map<String, String> deactivated() {
        Map<String, String> user = TokenTest.newUser("VIEWER");
        Api.json().header("If-Match", "\"0\"")
                .body(Map.of("fullName", "Người đã nghỉ", "orgUnitId", Api.unitId("DNAI.XUANLOC.VP"), "roles", List.of("VIEWER"), "active", false))
                .put("/api/v1/users/" + user.get("id")).then().statusCode(200);
        return user;
    }

    // ---- refresh tokens ----

    @Test
    void ofConcurrentUsesOfOneRefreshTokenExactlyOneSucceedsAndTheSignInEnds() throws Exception {
        Map<String, String> user = TokenTest.newUser("VIEWER");
        int threads = 8;
        int rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                String refreshToken = TokenTest.password(user.get("username"), user.get("password")).then().statusCode(200)
                        .extract().path("refresh_token");
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> uses = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    uses.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return TokenTest.refresh(refreshToken);
                    }));
                }
                assertTrue(ready.await(30, TimeUnit.SECONDS));
                go.countDown();
                List<Response> answers = new ArrayList<>();
                for (Future<Response> use : uses) {
                    answers.add(use.get(120, TimeUnit.SECONDS));
                }
                List<Response> granted = answers.stream().filter(r -> r.statusCode() == 200).toList();
                assertEquals(1, granted.size(), "round " + round + ": " + answers.stream().map(Response::statusCode).toList());
                for (Response refused : answers) {
                    if (refused.statusCode() != 200) {
                        Api.refused(refused.then(), 401, "auth.invalid-refresh-token", null);
                    }
                }
                // The others were reuse: the whole sign-in ended, the winner's new refresh token included.
                Api.refused(TokenTest.refresh(granted.get(0).path("refresh_token")).then(), 401, "auth.invalid-refresh-token", null);
            }
        } finally {
            pool.shutdownNow();
        }
        Api.json().queryParam("action", "REFRESH_TOKEN_REUSED").queryParam("objectId", user.get("id")).get("/api/v1/audit-events")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(rounds * (threads - 1)));
    }

    // ---- names cannot be told apart ----

    @Test
    void unknownLockedDeactivatedAndWrongGetOneAnswerAfterOneBcryptEach() {
        Map<String, String> active = TokenTest.newUser("VIEWER");
        Map<String, String> gone = deactivated();
        Map<String, String> locked = TokenTest.newUser("VIEWER");
        String stranger = newAddress();
        for (int i = 0; i < 6; i++) {
            signIn(stranger, locked.get("username"), "Sai@MatKhau" + i);
        }
        signIn(stranger, locked.get("username"), locked.get("password")).then().statusCode(429);

        String me = newAddress();
        List<Response> answers = new ArrayList<>();
        assertEquals(1, bcryptsOf(() -> answers.add(signIn(me, "nobody-" + UUID.randomUUID(), "Whatever@2026"))));
        assertEquals(1, bcryptsOf(() -> answers.add(signIn(me, active.get("username"), "Whatever@2026"))));
        assertEquals(1, bcryptsOf(() -> answers.add(signIn(me, gone.get("username"), gone.get("password")))));
        assertEquals(1, bcryptsOf(() -> answers.add(signIn(me, gone.get("username"), "Whatever@2026"))));
        assertEquals(1, bcryptsOf(() -> answers.add(signIn(me, locked.get("username"), "Whatever@2026"))));
        Api.refused(answers.get(0).then(), 401, "auth.invalid-credentials", null);
        for (Response r : answers) {
            assertEquals(answer(answers.get(0)), answer(r));
        }

        // Past the free attempts a known name and an unknown one wait alike, and still cost one bcrypt each.
        String unknown = "nobody-" + UUID.randomUUID();
        String again = newAddress();
        for (int i = 0; i < 3; i++) {
            signIn(again, unknown, "Whatever@2026").then().statusCode(401);
            signIn(again, active.get("username"), "Whatever@2026").then().statusCode(401);
        }
        List<Response> waits = new ArrayList<>();
        assertEquals(1, bcryptsOf(() -> waits.add(signIn(again, unknown, "Whatever@2026"))));
        assertEquals(1, bcryptsOf(() -> waits.add(signIn(again, active.get("username"), active.get("password")))));
        Api.refused(waits.get(0).then(), 429, "auth.account-locked", null);
        assertEquals(answer(waits.get(0)), answer(waits.get(1)));
        assertTrue(Integer.parseInt(waits.get(1).header("Retry-After")) >= 1);

        // The same for systems: an unknown client and a wrong secret.
        List<Response> clients = new ArrayList<>();
        assertEquals(1, bcryptsOf(() -> clients.add(client(me, "no-such-system", "Whatever@2026"))));
        assertEquals(1, bcryptsOf(() -> clients.add(client(me, "province-system", "Whatever@2026"))));
        Api.refused(clients.get(0).then(), 401, "auth.invalid-client", null);
        assertEquals(answer(clients.get(0)), answer(clients.get(1)));

        // Each refusal is on record with what really happened.
        Api.json().queryParam("objectId", gone.get("id")).queryParam("action", "SIGN_IN_FAILED").get("/api/v1/audit-events").then()
                .statusCode(200).body("items.changes.reason", org.hamcrest.Matchers.hasItems("inactive", "wrong-password"));
        assertTrue(audited("SIGN_IN_THROTTLED", stranger) >= 1);
        assertTrue(audited("SIGN_IN_THROTTLED", again) >= 2);
    }

    // ---- nobody locks anyone else out ----

    @Test
    void failuresFromAStrangersAddressDoNotLockTheOwnerOut() {
        Map<String, String> user = TokenTest.newUser("COMMUNE_COORDINATOR");
        String stranger = newAddress();
        for (String name : List.of(user.get("username"), "admin")) {
            for (int i = 0; i < 5; i++) {
                signIn(stranger, name, "Sai@MatKhau" + i);
            }
            Api.refused(signIn(stranger, name, "Sai@MatKhau").then(), 429, "auth.account-locked", null);
        }
        Api.refused(signIn(stranger, user.get("username"), user.get("password")).then(), 429, "auth.account-locked", null);

        String owner = newAddress();
        signIn(owner, user.get("username"), user.get("password")).then().statusCode(200);
        signIn(owner, "admin", Api.DEMO_PASSWORD).then().statusCode(200);
        assertTrue(audited("ACCOUNT_LOCKED", stranger) + audited("SIGN_IN_THROTTLED", stranger) >= 2);
    }

    @Test
    void aStrangerCannotLockOutAServiceAccountsSecret() {
        String stranger = newAddress();
        for (int i = 0; i < 6; i++) {
            client(stranger, "province-system", "Sai@BiMat" + i);
        }
        Api.refused(client(stranger, "province-system", Api.DEMO_PASSWORD).then(), 429, "auth.account-locked", null);
        client(newAddress(), "province-system", Api.DEMO_PASSWORD).then().statusCode(200).body("scope", org.hamcrest.Matchers.equalTo("dti.read"));
    }

    @Test
    void oneAddressTryingManyNamesIsHeldBackWhateverTheNames() {
        String address = newAddress();
        int names = addressLimit + 10;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < names; i++) {
            // Made-up names and real ones alike, each tried once.
            List<String> real = List.of("admin", "province", "commune", "reporter");
            String name = i % 2 == 1 && i / 2 < real.size() ? real.get(i / 2) : "guess-" + i + "-" + UUID.randomUUID();
            Response r = signIn(address, name, "Sai@MatKhau" + i);
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertNotNull(r.header("Retry-After"));
                Api.refused(r.then(), 429, "auth.account-locked", null);
            }
        }
        // The first failures are plain failures; then the address waits.
        assertEquals(java.util.Collections.nCopies(addressLimit, 401), statuses.subList(0, addressLimit), statuses.toString());
        assertEquals(java.util.Collections.nCopies(10, 429), statuses.subList(addressLimit, names), statuses.toString());
        // Even the right password waits from there, and is fine from anywhere else.
        Api.refused(signIn(address, "viewer", Api.DEMO_PASSWORD).then(), 429, "auth.account-locked", null);
        signIn(newAddress(), "viewer", Api.DEMO_PASSWORD).then().statusCode(200);
        assertEquals(1, audited("ADDRESS_THROTTLED", address));
        assertEquals(addressLimit, audited("SIGN_IN_FAILED", address));
    }
}
