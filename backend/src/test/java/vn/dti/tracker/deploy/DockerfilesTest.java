package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dti.tracker.deploy.DeployFiles.ROOT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfiles, checked without building them (no Docker engine in the build): base images pinned to a
 * release, every file they copy present in the repository (the build context is its root), a final stage that
 * runs as an unprivileged user with a health check.
 */
class DockerfilesTest {

    /** A Dockerfile's instructions, continuation lines joined, comments left out. */
    static List<String> instructions(Path file) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : DeployFiles.read(file).split("\n")) {
            if (line.strip().startsWith("#") || line.isBlank()) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                current.append(' ');
            } else {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/images/backend.Dockerfile", "deploy/images/frontend.Dockerfile"})
    void baseImagesArePinnedAndEveryCopiedFileExists(String dockerfile) {
        List<String> instructions = instructions(ROOT.resolve(dockerfile));
        List<String> stages = new ArrayList<>();
        for (String instruction : instructions) {
            if (instruction.startsWith("FROM ")) {
                String[] words = instruction.split("\\s+");
                String image = words[1];
                assertTrue(image.matches("[^:@]+:[0-9v][A-Za-z0-9._-]*\\.[A-Za-z0-9._-]*"),
                        dockerfile + ": pin " + image + " to a release (a version with a dot, not a moving tag)");
                assertFalse(image.contains(":latest"), dockerfile + ": " + image);
                if (words.length == 4 && words[2].equalsIgnoreCase("AS")) {
                    stages.add(words[3]);
                }
            }
            if (instruction.startsWith("COPY ") && !instruction.contains("--from=")) {
                String[] words = instruction.substring(5).trim().split("\\s+");
                for (int i = 0; i < words.length - 1; i++) {
                    if (!words[i].startsWith("--")) {
                        assertTrue(Files.exists(ROOT.resolve(words[i])), dockerfile + " copies " + words[i] + ", which the repository lacks");
                    }
                }
            }
            if (instruction.startsWith("COPY --from=")) {
                String stage = instruction.substring("COPY --from=".length()).split("\\s+")[0];
                assertTrue(stages.contains(stage), dockerfile + " copies from the stage " + stage + ", which comes later or not at all");
            }
        }
        assertTrue(stages.size() >= 1, dockerfile + " should build in a stage of its own and keep the toolchain out of the image");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/images/backend.Dockerfile", "deploy/images/frontend.Dockerfile"})
    void theImageRunsAsAnUnprivilegedUserWithAHealthCheck(String dockerfile) {
        List<String> instructions = instructions(ROOT.resolve(dockerfile));
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        List<String> runtime = instructions.subList(lastFrom, instructions.size());
        String user = null;
        for (String instruction : runtime) {
            if (instruction.startsWith("USER ")) {
                user = instruction.substring(5).trim();
            }
        }
        assertTrue(user != null && user.matches("[1-9][0-9]*(:[1-9][0-9]*)?"), dockerfile + " should end as a numeric non-root user, not " + user);
        assertTrue(runtime.stream().anyMatch(i -> i.startsWith("HEALTHCHECK ") && i.contains("CMD")), dockerfile + " has no HEALTHCHECK");
        assertTrue(runtime.contains("EXPOSE 8080"), dockerfile + " listens on 8080, a port a non-root user may open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/images/backend.Dockerfile"})
    void theProductStartsWithItsOwnJvmOptionsAndChecksItsLiveness(String dockerfile) {
        String entrypoint = instructions(ROOT.resolve(dockerfile)).stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElse("");
        assertTrue(entrypoint.contains("@/opt/dti/jvm.options") && entrypoint.contains("quarkus-run.jar"),
                dockerfile + " should run quarkus-run.jar with deploy/jvm.options: " + entrypoint);
        assertTrue(entrypoint.contains("exec java"), dockerfile + ": java should replace the shell, so that it receives the stop signal");
        String health = instructions(ROOT.resolve(dockerfile)).stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElse("");
        assertTrue(health.contains("/q/health/live"), dockerfile + " health check: " + health);
        Matcher copy = Pattern.compile("COPY (deploy/jvm\\.options)").matcher(String.join("\n", instructions(ROOT.resolve(dockerfile))));
        assertTrue(copy.find(), dockerfile + " should copy deploy/jvm.options, the settings the product is measured with");
        assertEquals(List.of(), instructions(ROOT.resolve(dockerfile)).stream().filter(i -> i.startsWith("ENV ") && i.matches(".*(PASSWORD|SECRET)=.*")).toList(),
                dockerfile + " writes a secret into the image");
    }
}
