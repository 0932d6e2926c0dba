package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dti.tracker.deploy.DeployFiles.ROOT;
import static vn.dti.tracker.deploy.DeployFiles.list;
import static vn.dti.tracker.deploy.DeployFiles.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * .gitlab-ci.yml, checked against GitLab's keywords and against the project's own entry points: its jobs run
 * the make targets `.ci/run` runs (make test), build every image with a tool that needs no Docker daemon, and
 * cache Maven's and npm's downloads.
 */
class GitlabCiTest {

    static final Path FILE = ROOT.resolve(".gitlab-ci.yml");

    static final Set<String> GLOBAL_KEYWORDS = Set.of("stages", "variables", "default", "workflow", "include", "cache",
            "image", "services", "before_script", "after_script");

    static final Set<String> JOB_KEYWORDS = Set.of("script", "stage", "image", "services", "cache", "artifacts", "needs",
            "rules", "variables", "before_script", "after_script", "tags", "when", "allow_failure", "dependencies",
            "interruptible", "retry", "timeout", "extends", "coverage", "environment", "parallel", "except", "only",
            "resource_group", "release", "trigger", "inherit", "id_tokens", "secrets", "pages");

    static Map<String, Object> ci() {
        return DeployFiles.mapping(FILE);
    }

    /** Jobs by name: every top-level key that is not a global keyword nor a hidden key (".name"). */
    static Map<String, Map<String, Object>> jobs() {
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        ci().forEach((key, value) -> {
            if (!GLOBAL_KEYWORDS.contains(key) && !key.startsWith(".")) {
                jobs.put(key, resolved(key));
            }
        });
        return jobs;
    }

    /** A job with what it extends filled in (a job's own keys win, as in GitLab). */
    static Map<String, Object> resolved(String name) {
        Map<String, Object> job = map(ci().get(name), name);
        Map<String, Object> out = new LinkedHashMap<>();
        Object extended = job.get("extends");
        for (Object parent : extended == null ? List.of() : extended instanceof List<?> l ? l : List.of(extended)) {
            assertNotNull(ci().get(String.valueOf(parent)), name + " extends " + parent + ", which does not exist");
            resolved(String.valueOf(parent)).forEach((k, v) -> out.merge(k, v, (a, b) -> Kustomize.merge(a, b, false)));
        }
        job.forEach((k, v) -> out.merge(k, v, (a, b) -> k.equals("variables") ? Kustomize.merge(a, b, false) : b));
        out.remove("extends");
        return out;
    }

    /** The commands of a job, in order: before_script, then script (after_script aside). */
    static List<String> commands(Map<String, Object> job) {
        List<String> out = new ArrayList<>();
        for (String part : List.of("before_script", "script")) {
            Object lines = job.get(part);
            if (lines != null) {
                list(lines, part).forEach(line -> out.add(String.valueOf(line)));
            }
        }
        return out;
    }

    static List<String> needs(Map<String, Object> job) {
        List<String> out = new ArrayList<>();
        Object needs = job.get("needs");
        if (needs != null) {
            for (Object need : list(needs, "needs")) {
                out.add(need instanceof Map<?, ?> m ? String.valueOf(m.get("job")) : String.valueOf(need));
            }
        }
        return out;
    }

    @Test
    void onlyGitlabKeywordsAtTheTopAndInEveryJob() {
        Map<String, Object> ci = ci();
        for (String key : ci.keySet()) {
            if (GLOBAL_KEYWORDS.contains(key) || key.startsWith(".")) {
                continue;
            }
            Map<String, Object> job = map(ci.get(key), key);
            for (String keyword : job.keySet()) {
                assertTrue(JOB_KEYWORDS.contains(keyword), "job " + key + " uses \"" + keyword + "\", which is no GitLab job keyword");
            }
        }
        for (String keyword : map(ci.get("default"), "default").keySet()) {
            assertTrue(JOB_KEYWORDS.contains(keyword), "default uses \"" + keyword + "\", which is no job keyword");
        }
        for (Object parent : ci.values().stream().filter(Map.class::isInstance).map(j -> ((Map<?, ?>) j).get("extends")).filter(e -> e != null).toList()) {
            for (String keyword : map(ci.get(String.valueOf(parent)), String.valueOf(parent)).keySet()) {
                assertTrue(JOB_KEYWORDS.contains(keyword), "template " + parent + " uses \"" + keyword + "\", which is no job keyword");
            }
        }
        assertTrue(jobs().size() >= 5, "too few jobs: " + jobs().keySet());
    }

    @Test
    void everyJobHasADeclaredStageAScriptAPinnedImageAndNeedsJobsThatExist() {
        List<Object> stages = list(ci().get("stages"), "stages");
        Map<String, Map<String, Object>> jobs = jobs();
        jobs.forEach((name, job) -> {
            assertTrue(stages.contains(job.get("stage")), name + " is in stage " + job.get("stage") + ", which stages does not declare");
            assertFalse(commands(job).isEmpty(), name + " has no script");
            String image = String.valueOf(job.get("image"));
            assertTrue(image.matches("[^:]+:v?[0-9][A-Za-z0-9._-]*"), name + ": pin the image to a release, not " + image);
            for (String need : needs(job)) {
                assertTrue(jobs.containsKey(need), name + " needs " + need + ", which is no job");
                assertTrue(stages.indexOf(jobs.get(need).get("stage")) <= stages.indexOf(job.get("stage")),
                        name + " needs " + need + " of a later stage");
            }
        });
    }

    /** What `.ci/run` runs (make test, so the Makefile's test prerequisites) is what the jobs run, each once. */
    @Test
    void theJobsRunTheMakeTargetsOfCiRun() throws IOException {
        String run = DeployFiles.read(ROOT.resolve(".ci/run"));
        Matcher ciTarget = Pattern.compile("(?m)^\\s*make\\s+(\\S+)\\s*$").matcher(run);
        assertTrue(ciTarget.find(), ".ci/run should run one make target");
        String makefile = DeployFiles.read(ROOT.resolve("Makefile"));
        Matcher rule = Pattern.compile("(?m)^" + Pattern.quote(ciTarget.group(1)) + ":([^\\n]*)$").matcher(makefile);
        assertTrue(rule.find(), "the Makefile has no target " + ciTarget.group(1));
        List<String> expected = List.of(rule.group(1).trim().split("\\s+"));
        assertEquals(List.of("test-frontend", "test-backend", "test-e2e"), expected, "make test's parts (update this check with the Makefile)");

        Set<String> targets = makeTargets(makefile);
        List<String> ran = new ArrayList<>();
        jobs().forEach((name, job) -> {
            for (String command : commands(job)) {
                Matcher make = Pattern.compile("(?:^|&&|;)\\s*make\\s+([a-z][a-z0-9 -]*)").matcher(command);
                while (make.find()) {
                    for (String target : make.group(1).trim().split("\\s+")) {
                        assertTrue(targets.contains(target), name + " runs make " + target + ", which the Makefile does not have");
                        ran.add(target);
                    }
                }
            }
        });
        for (String target : expected) {
            assertEquals(1, ran.stream().filter(target::equals).count(), "make " + target + " should run in exactly one job: " + ran);
        }
    }

    /** make test runs its parts in one workspace; in CI each job hands the next what it built. */
    @Test
    void eachTestJobGetsWhatTheMakeTargetBeforeItBuilt() {
        Map<String, Map<String, Object>> jobs = jobs();
        Map<String, String> byTarget = new LinkedHashMap<>();
        jobs.forEach((name, job) -> commands(job).forEach(c -> {
            for (String target : List.of("test-frontend", "test-backend", "test-e2e")) {
                if (c.matches(".*\\bmake\\b.*\\b" + target + "\\b.*")) {
                    byTarget.put(target, name);
                }
            }
        }));
        assertEquals(Set.of("test-frontend", "test-backend", "test-e2e"), byTarget.keySet(), "jobs by make target: " + byTarget);
        String frontend = byTarget.get("test-frontend");
        String backend = byTarget.get("test-backend");
        String e2e = byTarget.get("test-e2e");
        assertTrue(String.valueOf(jobs.get(frontend).get("artifacts")).contains("frontend/dist"), frontend + " passes on the built web app");
        assertTrue(needs(jobs.get(backend)).contains(frontend), backend + " packages the web app " + frontend + " built");
        assertTrue(String.valueOf(jobs.get(backend).get("artifacts")).contains("backend/target/quarkus-app"), backend + " passes on the packaged product");
        assertTrue(needs(jobs.get(e2e)).contains(backend), e2e + " tests the product " + backend + " packaged");
        assertTrue(commands(jobs.get(e2e)).stream().anyMatch(c -> c.contains("frontend-deps")), e2e + " installs the frontend's packages first");
    }

    static Set<String> makeTargets(String makefile) {
        Set<String> targets = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([a-z][a-z0-9-]*):").matcher(makefile);
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    @Test
    void theContractIsCheckedInAJobOfItsOwn() {
        Map<String, Object> contract = jobs().get("contract");
        assertNotNull(contract, "no contract job");
        String commands = String.join("\n", commands(contract));
        Map<String, Object> scripts = map(DeployFiles.mapping(ROOT.resolve("frontend/package.json")).get("scripts"), "scripts");
        for (String script : List.of("check-gen", "lint:contract")) {
            assertTrue(scripts.containsKey(script), "package.json has no script " + script);
            assertTrue(commands.contains("npm run " + script), "the contract job runs npm run " + script);
        }
        for (String test : List.of("ContractTest", "ContractCompatibilityTest")) {
            assertTrue(Files.isRegularFile(ROOT.resolve("backend/src/test/java/vn/dti/tracker/" + test + ".java")), test + " does not exist");
            assertTrue(commands.contains(test), "the contract job runs " + test);
        }
    }

    @Test
    void everyDockerfileIsBuiltWithoutADockerDaemon() throws IOException {
        List<String> dockerfiles;
        try (Stream<Path> files = Files.list(DeployFiles.DEPLOY.resolve("images"))) {
            dockerfiles = files.map(p -> ROOT.relativize(p).toString()).filter(p -> p.endsWith(".Dockerfile")).sorted().toList();
        }
        assertEquals(2, dockerfiles.size(), "the backend's and the web app's: " + dockerfiles);
        List<String> built = new ArrayList<>();
        jobs().forEach((name, job) -> {
            String commands = String.join("\n", commands(job));
            Object services = job.get("services");
            assertFalse(String.valueOf(services).contains("dind") || commands.contains("docker build"), name + " needs a Docker daemon");
            if (commands.contains("buildah build") || commands.contains("/kaniko/executor")) {
                Object dockerfile = DeployFiles.at(job, "variables", "DOCKERFILE");
                assertTrue(commands.contains("$DOCKERFILE") && dockerfile != null, name + " builds the Dockerfile its variables name");
                built.add(String.valueOf(dockerfile));
                assertEquals("images", job.get("stage"), name + " builds an image after the tests");
            }
        });
        assertEquals(dockerfiles, built.stream().sorted().toList(), "every Dockerfile is built by one job");
    }

    @Test
    void mavenAndNpmDownloadsAreCachedWhereTheBuildPutsThem() {
        Map<String, Object> variables = map(ci().get("variables"), "variables");
        assertEquals("-Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository", variables.get("MAVEN_OPTS"));
        assertEquals("$CI_PROJECT_DIR/.npm", variables.get("npm_config_cache"));
        Set<String> cached = new TreeSet<>();
        jobs().forEach((name, job) -> {
            Object cache = job.get("cache");
            for (Object entry : cache == null ? List.of() : cache instanceof List<?> l ? l : List.of(cache)) {
                list(DeployFiles.at(entry, "paths"), name + " cache paths").forEach(p -> cached.add(name + " " + p));
            }
        });
        assertTrue(cached.contains("backend .m2/repository/"), "the backend job caches Maven's repository: " + cached);
        assertTrue(cached.contains("frontend .npm/"), "the frontend job caches npm's downloads: " + cached);
        assertTrue(cached.contains("e2e .npm/"), "the e2e job caches npm's downloads: " + cached);
    }
}
