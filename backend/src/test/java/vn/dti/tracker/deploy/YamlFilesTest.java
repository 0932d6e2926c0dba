package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.dti.tracker.deploy.DeployFiles.DEPLOY;
import static vn.dti.tracker.deploy.DeployFiles.ROOT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every YAML file of deploy/ parses, every document of it, with no key given twice. */
class YamlFilesTest {

    @Test
    void everyYamlFileUnderDeployParses() {
        List<Path> files = DeployFiles.yamlFiles(DEPLOY);
        assertTrue(files.size() >= 20, "deploy/ holds only " + files.size() + " YAML files");
        for (Path file : files) {
            assertFalse(DeployFiles.documents(file).isEmpty(), ROOT.relativize(file) + " holds no document");
        }
    }

    /** Kubernetes and Compose keep the last of two equal keys without a word; here it is an error. */
    @Test
    void aKeyGivenTwiceIsReportedWithTheFileName() throws IOException {
        Path file = Files.createDirectories(ROOT.resolve("backend/target/deploy-check")).resolve("twice.yaml");
        Files.writeString(file, "kind: Service\nmetadata:\n  name: a\n  name: b\n");
        AssertionError error = assertThrows(AssertionError.class, () -> DeployFiles.documents(file));
        assertTrue(error.getMessage().contains("twice.yaml"), error.getMessage());
    }
}
