package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.dti.tracker.deploy.DeployFiles.K8S;
import static vn.dti.tracker.deploy.DeployFiles.ROOT;
import static vn.dti.tracker.deploy.DeployFiles.at;
import static vn.dti.tracker.deploy.DeployFiles.map;
import static vn.dti.tracker.deploy.DeployFiles.maps;
import static vn.dti.tracker.deploy.DeployFiles.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * deploy/README.md is what an operator works from: its settings table names every setting the product reads and
 * every variable the images, the compose file and the manifests set, secrets without a default; its sizing
 * table states exactly the values the overlays hold.
 */
class DeployReadmeTest {

    static Set<String> documented() {
        Set<String> names = new TreeSet<>();
        for (DeployFiles.Setting row : DeployFiles.settings()) {
            for (String name : row.variables()) {
                assertTrue(names.add(name), name + " is in the settings table twice");
            }
        }
        return names;
    }

    @Test
    void theSettingsTableHasAMeaningAndADefaultForEveryRowAndNoSecretDefault() {
        List<DeployFiles.Setting> rows = DeployFiles.settings();
        assertTrue(rows.size() >= 30, "the settings table has only " + rows.size() + " rows");
        for (DeployFiles.Setting row : rows) {
            assertFalse(row.variables().isEmpty(), "a settings row names no variable: " + row);
            assertFalse(row.meaning().isBlank(), row.variables() + " has no meaning");
            assertFalse(row.defaultValue().isBlank(), row.variables() + " has no default cell");
            if (row.secret()) {
                assertFalse(row.defaultValue().contains("`"), row.variables() + " is secret and must not have a default value: " + row.defaultValue());
            }
        }
        documented();
    }

    /** Every dti.* setting the backend reads, by its environment name. */
    @Test
    void everySettingTheProductReadsIsInTheTable() throws IOException {
        Set<String> read = new TreeSet<>();
        Path main = ROOT.resolve("backend/src/main");
        for (String line : DeployFiles.read(main.resolve("resources/application.properties")).split("\n")) {
            if (line.startsWith("%") || line.startsWith("#")) {
                continue;
            }
            addDtiNames(line, Pattern.compile("(?:^|[{:])(dti\\.[a-z0-9.-]*[a-z0-9])"), read);
        }
        try (Stream<Path> sources = Files.walk(main.resolve("java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                addDtiNames(DeployFiles.read(source), Pattern.compile("(?:name = \"|\\$\\{)(dti\\.[a-z0-9.-]*[a-z0-9])"), read);
            }
        }
        assertTrue(read.contains("DTI_EVIDENCE_STORAGE") && read.contains("DTI_CHANGES_CURSOR_SECRET"), "settings found: " + read);
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented());
        assertEquals(Set.of(), missing, "settings the product reads that deploy/README.md does not list");
    }

    static void addDtiNames(String text, Pattern pattern, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1).toUpperCase().replace('.', '_').replace('-', '_'));
        }
    }

    /** Every variable an image, the compose file or a manifest sets is one an operator can look up. */
    @Test
    void everyVariableTheImagesComposeAndManifestsSetIsInTheTable() {
        Set<String> set = new TreeSet<>();
        for (String dockerfile : List.of("deploy/images/backend.Dockerfile", "deploy/images/frontend.Dockerfile")) {
            for (String instruction : DockerfilesTest.instructions(ROOT.resolve(dockerfile))) {
                if (instruction.startsWith("ENV ")) {
                    Matcher m = Pattern.compile("([A-Z][A-Z0-9_]*)=").matcher(instruction);
                    while (m.find()) {
                        set.add(m.group(1));
                    }
                }
            }
        }
        Map<String, Object> services = map(ComposeFileTest.compose().get("services"), "services");
        for (String service : List.of("backend-1", "backend-2", "nginx")) {
            set.addAll(map(at(services, service, "environment"), service).keySet());
        }
        Kustomize.Build base = Kustomize.build(K8S.resolve("base"));
        for (Map<String, Object> cm : base.ofKind("ConfigMap")) {
            set.addAll(map(cm.get("data"), "data").keySet());
        }
        for (Map<String, Object> d : base.ofKind("Deployment")) {
            for (Map<String, Object> c : Kustomize.containers(d)) {
                maps(c, "env").forEach(e -> set.add(String.valueOf(e.get("name"))));
            }
        }
        // nginx's own switch for its template step, not a setting of the product.
        set.remove("NGINX_ENVSUBST_FILTER");
        assertTrue(set.contains("QUARKUS_DATASOURCE_JDBC_URL") && set.contains("DTI_BACKEND_ADDRESS"), set.toString());
        Set<String> missing = new TreeSet<>(set);
        missing.removeAll(documented());
        assertEquals(Set.of(), missing, "variables set in deploy/ that deploy/README.md does not list");
    }

    /** The sizing table's columns are the overlays; each row is read back from what the overlay makes. */
    static final Map<String, Function<Kustomize.Build, String>> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("backend instances", b -> at(hpa(b), "spec", "minReplicas") + "–" + at(hpa(b), "spec", "maxReplicas"));
        SIZES.put("backend processor", b -> at(backend(b), "resources", "requests", "cpu") + " / " + at(backend(b), "resources", "limits", "cpu"));
        SIZES.put("backend memory", b -> same(at(backend(b), "resources", "requests", "memory"), at(backend(b), "resources", "limits", "memory")));
        SIZES.put("database instances", b -> string(cluster(b), "spec", "instances"));
        SIZES.put("database processor", b -> at(cluster(b), "spec", "resources", "requests", "cpu") + " / " + at(cluster(b), "spec", "resources", "limits", "cpu"));
        SIZES.put("database memory", b -> same(at(cluster(b), "spec", "resources", "requests", "memory"), at(cluster(b), "spec", "resources", "limits", "memory")));
        SIZES.put("database storage", b -> at(cluster(b), "spec", "storage", "size") + " / " + at(cluster(b), "spec", "walStorage", "size"));
        SIZES.put("database connections", b -> string(cluster(b), "spec", "postgresql", "parameters", "max_connections"));
        SIZES.put("database cache", b -> string(cluster(b), "spec", "postgresql", "parameters", "shared_buffers"));
        SIZES.put("backups kept", b -> string(b.ofKind("ObjectStore").get(0), "spec", "retentionPolicy"));
    }

    static Map<String, Object> hpa(Kustomize.Build b) {
        return b.ofKind("HorizontalPodAutoscaler").get(0);
    }

    static Map<String, Object> backend(Kustomize.Build b) {
        return Kustomize.containers(b.find("Deployment", "dti-backend")).get(0);
    }

    static Map<String, Object> cluster(Kustomize.Build b) {
        return b.ofKind("Cluster").get(0);
    }

    static String same(Object request, Object limit) {
        return String.valueOf(request).equals(String.valueOf(limit)) ? String.valueOf(request) : request + " / " + limit;
    }

    @Test
    void theSizingTableStatesWhatTheOverlaysHold() throws IOException {
        String text = DeployFiles.read(DeployFiles.README);
        int start = text.indexOf("\n## Sizing");
        assertTrue(start >= 0, "deploy/README.md has no \"## Sizing\" section");
        int end = text.indexOf("\n## ", start + 1);
        List<String> lines = Stream.of(text.substring(start, end < 0 ? text.length() : end).split("\n"))
                .filter(l -> l.startsWith("|")).toList();
        assertFalse(lines.isEmpty(), "the Sizing section has no table");
        List<String> header = cells(lines.get(0));
        List<String> overlays;
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            overlays = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        Map<String, Kustomize.Build> builds = new LinkedHashMap<>();
        for (String overlay : overlays) {
            assertTrue(header.contains(overlay), "the sizing table has no column for the overlay " + overlay + ": " + header);
            builds.put(overlay, Kustomize.build(K8S.resolve("overlays").resolve(overlay)));
        }
        Set<String> seen = new TreeSet<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> row = cells(line);
            String label = row.get(0).replaceAll("\\*", "").trim();
            Function<Kustomize.Build, String> value = SIZES.entrySet().stream().filter(e -> label.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (value == null) {
                fail("the sizing table's row \"" + label + "\" is not one these checks read back; rows: " + SIZES.keySet());
            }
            seen.add(SIZES.keySet().stream().filter(label::startsWith).findFirst().orElseThrow());
            for (String overlay : overlays) {
                String stated = row.get(header.indexOf(overlay)).replace("`", "").trim();
                assertEquals(value.apply(builds.get(overlay)), stated, overlay + ": " + label);
            }
        }
        assertEquals(new TreeSet<>(SIZES.keySet()), seen, "every size is in the table");
    }

    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
            out.add(cell.trim());
        }
        return out;
    }
}
