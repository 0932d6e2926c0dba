package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.dti.tracker.deploy.DeployFiles.K8S;
import static vn.dti.tracker.deploy.DeployFiles.ROOT;
import static vn.dti.tracker.deploy.DeployFiles.at;
import static vn.dti.tracker.deploy.DeployFiles.map;
import static vn.dti.tracker.deploy.DeployFiles.maps;
import static vn.dti.tracker.deploy.DeployFiles.string;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests, checked without a cluster: every overlay is built as kustomize would build it, and
 * what it produces must hang together: selectors that select the pods, references to Services, Secrets,
 * ConfigMaps and the database that exist, probes on the product's health endpoints, resources on every
 * container, no secret values in the repository.
 */
class KubernetesManifestsTest {

    static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Secret", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("ObjectStore", "barmancloud.cnpg.io/v1"));

    static final List<String> LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/component", "app.kubernetes.io/part-of");
    static final String PART_OF = "dti-plan-tracker";
    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    static Stream<Path> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            List<Path> list = dirs.filter(Files::isDirectory).sorted().toList();
            assertFalse(list.isEmpty(), "deploy/k8s/overlays holds no overlay");
            return list.stream();
        }
    }

    /** The base alone and every overlay: what must hold before the installation's secrets are added. */
    static Stream<Path> baseAndOverlays() throws IOException {
        return Stream.concat(Stream.of(K8S.resolve("base")), overlays());
    }

    static String where(Path overlay) {
        return ROOT.relativize(overlay).toString();
    }

    @Test
    void theOverlaysAreTheCommuneAndTheProvince() throws IOException {
        assertEquals(List.of("commune", "province"), overlays().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void anOverlayBuildsOnTheBase(Path overlay) {
        List<String> resources = Kustomize.strings(Kustomize.kustomization(overlay).get("resources"), where(overlay));
        assertTrue(resources.stream().anyMatch(r -> overlay.resolve(r).normalize().equals(K8S.resolve("base"))),
                where(overlay) + " should list ../../base among its resources");
    }

    @Test
    void everyFileOfTheKubernetesFolderIsUsedByAKustomization() throws IOException {
        List<Path> used = new ArrayList<>();
        for (Path dir : Stream.concat(Stream.of(K8S.resolve("base")), overlays()).toList()) {
            used.add(dir.resolve("kustomization.yaml"));
            Map<String, Object> k = Kustomize.kustomization(dir);
            for (String r : Kustomize.strings(k.get("resources"), where(dir))) {
                used.add(dir.resolve(r).normalize());
            }
            for (Map<String, Object> p : maps(k, "patches")) {
                used.add(dir.resolve(String.valueOf(p.get("path"))).normalize());
            }
        }
        for (Path file : DeployFiles.yamlFiles(K8S)) {
            assertTrue(used.contains(file), ROOT.relativize(file) + " is not listed by any kustomization.yaml");
        }
    }

    /** Every manifest in the repository (base and overlays, patches aside): a known kind and the standard labels. */
    @Test
    void everyManifestHasAKnownKindANameAndTheStandardLabels() {
        int checked = 0;
        for (Path file : DeployFiles.yamlFiles(K8S)) {
            if (file.getFileName().toString().equals("kustomization.yaml") || file.getParent().getFileName().toString().equals("patches")) {
                continue;
            }
            for (Object doc : DeployFiles.documents(file)) {
                Map<String, Object> r = map(doc, ROOT.relativize(file).toString());
                String what = ROOT.relativize(file) + " " + r.get("kind");
                assertTrue(API_VERSIONS.containsKey(String.valueOf(r.get("kind"))), what + ": not a kind these manifests use");
                assertEquals(API_VERSIONS.get(String.valueOf(r.get("kind"))), r.get("apiVersion"), what + " apiVersion");
                assertNotNull(string(r, "metadata", "name"), what + " has no metadata.name");
                assertNull(string(r, "metadata", "namespace"), what + ": the overlay sets the namespace, not the file");
                assertFalse("Secret".equals(r.get("kind")), what + ": secrets come from the overlays' generators, never from a file here");
                checkLabels(r, what);
                checked++;
            }
        }
        assertTrue(checked >= 12, "only " + checked + " manifests found");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyResourceAnOverlayMakesIsKnownNamedOnceAndLabelled(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> r : build.resources()) {
            String what = where(overlay) + ": " + r.get("kind") + " " + string(r, "metadata", "name");
            assertEquals(API_VERSIONS.get(String.valueOf(r.get("kind"))), r.get("apiVersion"), what + " apiVersion");
            checkLabels(r, what);
            String id = r.get("kind") + "/" + string(r, "metadata", "name");
            assertFalse(ids.contains(id), what + " is made twice");
            ids.add(id);
            if (!"Namespace".equals(r.get("kind"))) {
                assertNotNull(string(r, "metadata", "namespace"), what + " has no namespace");
            }
        }
        for (String kind : List.of("Namespace", "ConfigMap", "Secret", "Service", "Deployment", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Ingress", "Cluster", "ObjectStore", "ScheduledBackup")) {
            assertFalse(build.ofKind(kind).isEmpty(), where(overlay) + " makes no " + kind);
        }
    }

    static void checkLabels(Map<String, Object> r, String what) {
        Object labels = at(r, "metadata", "labels");
        for (String label : LABELS) {
            assertNotNull(at(labels, label), what + " lacks the label " + label);
        }
        assertEquals(PART_OF, at(labels, "app.kubernetes.io/part-of"), what + " part-of");
    }

    @ParameterizedTest
    @MethodSource("baseAndOverlays")
    void selectorsSelectThePodsOfADeployment(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        List<Map<String, Object>> deployments = build.ofKind("Deployment");
        for (Map<String, Object> d : deployments) {
            String what = where(overlay) + ": Deployment " + string(d, "metadata", "name");
            Map<String, Object> selector = map(at(d, "spec", "selector", "matchLabels"), what + " spec.selector.matchLabels");
            Map<String, Object> podLabels = map(at(d, "spec", "template", "metadata", "labels"), what + " pod labels");
            assertTrue(contains(podLabels, selector), what + ": its selector " + selector + " does not match its pods " + podLabels);
            checkLabels(map(at(d, "spec", "template"), what), what + " pod template");
            assertEquals(1, selectedBy(deployments, selector).size(), what + ": its selector also selects another Deployment's pods");
        }
        for (Map<String, Object> s : build.ofKind("Service")) {
            String what = where(overlay) + ": Service " + string(s, "metadata", "name");
            Map<String, Object> selector = map(at(s, "spec", "selector"), what + " selector");
            List<Map<String, Object>> selected = selectedBy(deployments, selector);
            assertEquals(1, selected.size(), what + " should select the pods of exactly one Deployment");
            List<Map<String, Object>> containerPorts = Kustomize.containers(selected.get(0)).stream()
                    .flatMap(c -> maps(c, "ports").stream()).toList();
            for (Map<String, Object> port : maps(s, "spec", "ports")) {
                Object target = port.get("targetPort") == null ? port.get("port") : port.get("targetPort");
                assertTrue(containerPorts.stream().anyMatch(p -> target.equals(p.get("name")) || target.equals(p.get("containerPort"))),
                        what + ": targetPort " + target + " is not a port of its pods");
            }
        }
        for (Map<String, Object> pdb : build.ofKind("PodDisruptionBudget")) {
            String what = where(overlay) + ": PodDisruptionBudget " + string(pdb, "metadata", "name");
            Map<String, Object> selector = map(at(pdb, "spec", "selector", "matchLabels"), what + " selector");
            assertEquals(1, selectedBy(deployments, selector).size(), what + " should select the pods of exactly one Deployment");
        }
    }

    static boolean contains(Map<String, Object> labels, Map<String, Object> selector) {
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    static List<Map<String, Object>> selectedBy(List<Map<String, Object>> deployments, Map<String, Object> selector) {
        return deployments.stream()
                .filter(d -> contains(map(at(d, "spec", "template", "metadata", "labels"), "pod labels"), selector))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("baseAndOverlays")
    void theAutoscalerScalesTheBackendAndOwnsItsReplicaCount(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        List<Map<String, Object>> hpas = build.ofKind("HorizontalPodAutoscaler");
        assertEquals(1, hpas.size(), where(overlay) + " should have one HorizontalPodAutoscaler");
        for (Map<String, Object> hpa : hpas) {
            String what = where(overlay) + ": HorizontalPodAutoscaler " + string(hpa, "metadata", "name");
            assertEquals("Deployment", string(hpa, "spec", "scaleTargetRef", "kind"), what + " target kind");
            assertEquals("apps/v1", string(hpa, "spec", "scaleTargetRef", "apiVersion"), what + " target apiVersion");
            Map<String, Object> target = build.find("Deployment", string(hpa, "spec", "scaleTargetRef", "name"));
            assertNotNull(target, what + " scales " + string(hpa, "spec", "scaleTargetRef", "name") + ", which is not a Deployment here");
            assertNull(at(target, "spec", "replicas"), what + ": its Deployment must leave the replica count to it");
            int min = ((Number) at(hpa, "spec", "minReplicas")).intValue();
            int max = ((Number) at(hpa, "spec", "maxReplicas")).intValue();
            assertTrue(min >= 2, what + ": at least two instances, so that one can fail or be replaced");
            assertTrue(max >= min, what + ": maxReplicas below minReplicas");
            assertFalse(maps(hpa, "spec", "metrics").isEmpty(), what + " has no metric");
            String targetKind = "Deployment " + string(target, "metadata", "name");
            boolean guarded = build.ofKind("PodDisruptionBudget").stream().anyMatch(pdb -> contains(
                    map(at(target, "spec", "template", "metadata", "labels"), targetKind),
                    map(at(pdb, "spec", "selector", "matchLabels"), "pdb")));
            assertTrue(guarded, what + ": " + targetKind + " has no PodDisruptionBudget");
        }
    }

    @ParameterizedTest
    @MethodSource("baseAndOverlays")
    void prometheusScrapesTheManagementPortWhichNoServiceExposes(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        Map<String, Object> backend = build.find("Deployment", "dti-backend");
        Map<String, Object> annotations = map(at(backend, "spec", "template", "metadata", "annotations"), "backend pod annotations");
        assertEquals("9000", annotations.get("prometheus.io/port"), where(overlay) + ": metrics are on the management interface");
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"), where(overlay) + ": the metrics path");
        assertTrue(maps(Kustomize.containers(backend).get(0), "ports").stream()
                .anyMatch(p -> "management".equals(p.get("name")) && Integer.valueOf(9000).equals(p.get("containerPort"))),
                where(overlay) + ": the backend declares its management port");
        for (Map<String, Object> service : build.ofKind("Service")) {
            for (Map<String, Object> port : maps(service, "spec", "ports")) {
                assertFalse("management".equals(port.get("targetPort")) || Integer.valueOf(9000).equals(port.get("targetPort"))
                        || Integer.valueOf(9000).equals(port.get("port")),
                        where(overlay) + ": Service " + string(service, "metadata", "name") + " exposes the metrics port");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("baseAndOverlays")
    void theIngressRoutesToServicesAndPortsThatExist(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        for (Map<String, Object> ingress : build.ofKind("Ingress")) {
            String what = where(overlay) + ": Ingress " + string(ingress, "metadata", "name");
            List<String> services = new ArrayList<>();
            for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
                assertNotNull(rule.get("host"), what + ": a rule without a host");
                for (Map<String, Object> path : maps(rule, "http", "paths")) {
                    String name = string(path, "backend", "service", "name");
                    Object port = at(path, "backend", "service", "port", "name") != null
                            ? at(path, "backend", "service", "port", "name") : at(path, "backend", "service", "port", "number");
                    Map<String, Object> service = build.find("Service", String.valueOf(name));
                    assertNotNull(service, what + " " + path.get("path") + " goes to the Service " + name + ", which does not exist");
                    assertTrue(maps(service, "spec", "ports").stream().anyMatch(p -> port.equals(p.get("name")) || port.equals(p.get("port"))),
                            what + " " + path.get("path") + " goes to port " + port + ", which the Service " + name + " does not have");
                    services.add(name + " " + path.get("path"));
                }
            }
            assertTrue(services.contains("dti-backend /api/"), what + " should send /api/ to the backend: " + services);
            assertTrue(services.contains("dti-frontend /"), what + " should send / to the web app: " + services);
            assertTrue(services.stream().noneMatch(s -> s.contains("/q/health") || s.contains("/q/metrics") || s.endsWith(" /q/")),
                    what + ": health and metrics stay inside the cluster: " + services);
            assertFalse(maps(ingress, "spec", "tls").isEmpty(), what + " has no TLS");
        }
    }

    @ParameterizedTest
    @MethodSource("baseAndOverlays")
    void theBackendIsProbedOnItsHealthEndpointsAndEveryContainerHasProbesResourcesAndNoPrivileges(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        Map<String, Object> backend = build.find("Deployment", "dti-backend");
        assertNotNull(backend, where(overlay) + " has no Deployment dti-backend");
        Map<String, Object> api = Kustomize.containers(backend).get(0);
        assertEquals("/q/health/ready", string(api, "readinessProbe", "httpGet", "path"), "backend readiness probe");
        assertEquals("/q/health/live", string(api, "livenessProbe", "httpGet", "path"), "backend liveness probe");
        assertEquals("/q/health/started", string(api, "startupProbe", "httpGet", "path"), "backend startup probe");
        assertTrue(maps(api, "ports").stream().anyMatch(p -> Integer.valueOf(8080).equals(p.get("containerPort"))), "backend listens on 8080");
        for (Map<String, Object> d : build.ofKind("Deployment")) {
            String pod = where(overlay) + ": Deployment " + string(d, "metadata", "name");
            assertEquals(Boolean.TRUE, at(d, "spec", "template", "spec", "securityContext", "runAsNonRoot"), pod + " runAsNonRoot");
            assertEquals("RuntimeDefault", string(d, "spec", "template", "spec", "securityContext", "seccompProfile", "type"), pod + " seccomp");
            assertEquals(Boolean.FALSE, at(d, "spec", "template", "spec", "automountServiceAccountToken"), pod + " needs no API token");
            for (Map<String, Object> c : Kustomize.containers(d)) {
                String what = pod + " container " + c.get("name");
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    Object port = at(c, probe, "httpGet", "port");
                    assertNotNull(port, what + " has no HTTP " + probe);
                    assertTrue(maps(c, "ports").stream().anyMatch(p -> port.equals(p.get("name")) || port.equals(p.get("containerPort"))),
                            what + " " + probe + " uses port " + port + ", which the container does not declare");
                }
                for (String resource : List.of("cpu", "memory")) {
                    Object request = at(c, "resources", "requests", resource);
                    Object limit = at(c, "resources", "limits", resource);
                    assertNotNull(request, what + " has no " + resource + " request");
                    assertNotNull(limit, what + " has no " + resource + " limit");
                    assertTrue(quantity(limit).compareTo(quantity(request)) >= 0, what + ": " + resource + " limit below its request");
                }
                assertEquals(Boolean.FALSE, at(c, "securityContext", "allowPrivilegeEscalation"), what + " allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, at(c, "securityContext", "readOnlyRootFilesystem"), what + " readOnlyRootFilesystem");
                assertEquals(List.of("ALL"), at(c, "securityContext", "capabilities", "drop"), what + " capabilities");
                String image = String.valueOf(c.get("image"));
                if (overlay.startsWith(K8S.resolve("overlays"))) {
                    assertTrue(image.matches(".+/.+:[0-9][A-Za-z0-9._-]*"), what + ": the image " + image + " should name a registry and a release");
                }
            }
        }
    }

    /** A Kubernetes quantity in base units: 250m, 2, 1Gi, 512Mi. */
    static BigDecimal quantity(Object value) {
        String s = String.valueOf(value);
        Map<String, BigDecimal> units = Map.of("m", new BigDecimal("0.001"), "Ki", BigDecimal.valueOf(1L << 10),
                "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30), "Ti", BigDecimal.valueOf(1L << 40),
                "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L), "G", BigDecimal.valueOf(1_000_000_000L));
        for (Map.Entry<String, BigDecimal> unit : units.entrySet()) {
            if (s.endsWith(unit.getKey()) && s.substring(0, s.length() - unit.getKey().length()).matches("[0-9.]+")) {
                return new BigDecimal(s.substring(0, s.length() - unit.getKey().length())).multiply(unit.getValue());
            }
        }
        if (!s.matches("[0-9.]+")) {
            fail("not a quantity: " + s);
        }
        return new BigDecimal(s);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretAndConfigMapThatAContainerReadsExistsWithTheKey(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        int references = 0;
        for (Map<String, Object> d : build.ofKind("Deployment")) {
            for (Map<String, Object> c : Kustomize.containers(d)) {
                String what = where(overlay) + ": container " + c.get("name") + " of " + string(d, "metadata", "name");
                for (Map<String, Object> env : maps(c, "env")) {
                    for (String kind : List.of("Secret", "ConfigMap")) {
                        String ref = kind.equals("Secret") ? "secretKeyRef" : "configMapKeyRef";
                        if (at(env, "valueFrom", ref) != null) {
                            requireKey(build, kind, string(env, "valueFrom", ref, "name"), string(env, "valueFrom", ref, "key"),
                                    what + " " + env.get("name"));
                            references++;
                        }
                    }
                }
                for (Map<String, Object> from : maps(c, "envFrom")) {
                    if (from.get("configMapRef") != null) {
                        assertNotNull(build.find("ConfigMap", string(from, "configMapRef", "name")), what + " reads a missing ConfigMap");
                        references++;
                    }
                    if (from.get("secretRef") != null) {
                        assertNotNull(build.find("Secret", string(from, "secretRef", "name")), what + " reads a missing Secret");
                        references++;
                    }
                }
            }
            for (Map<String, Object> volume : maps(d, "spec", "template", "spec", "volumes")) {
                if (volume.get("secret") != null) {
                    assertNotNull(build.find("Secret", string(volume, "secret", "secretName")),
                            where(overlay) + ": volume " + volume.get("name") + " mounts a missing Secret");
                    references++;
                }
                if (volume.get("configMap") != null) {
                    assertNotNull(build.find("ConfigMap", string(volume, "configMap", "name")),
                            where(overlay) + ": volume " + volume.get("name") + " mounts a missing ConfigMap");
                    references++;
                }
            }
        }
        assertTrue(references >= 8, where(overlay) + ": only " + references + " references to Secrets and ConfigMaps");
    }

    static void requireKey(Kustomize.Build build, String kind, String name, String key, String what) {
        Map<String, Object> source = build.find(kind, name);
        assertNotNull(source, what + " reads the " + kind + " " + name + ", which does not exist");
        Object data = at(source, "data");
        assertTrue(data instanceof Map<?, ?> m && m.containsKey(key), what + " reads the key " + key + ", which the " + kind + " " + name + " lacks");
    }

    /**
     * The backend's secrets reach it only as references to Secrets, the JWT keys as mounted files; the ConfigMap
     * holds no value the settings table calls secret.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void secretsComeOnlyFromGeneratedSecretsWhoseFilesAreNeverCommitted(Path overlay) throws IOException {
        Kustomize.Build build = Kustomize.build(overlay);
        Set<String> secretSettings = DeployFiles.settings().stream().filter(DeployFiles.Setting::secret)
                .flatMap(s -> s.variables().stream()).collect(java.util.stream.Collectors.toSet());
        assertTrue(secretSettings.contains("QUARKUS_DATASOURCE_PASSWORD"), "the settings table marks the database password secret");
        for (Map<String, Object> cm : build.ofKind("ConfigMap")) {
            for (Object key : map(cm.get("data"), "data").keySet()) {
                assertFalse(secretSettings.contains(String.valueOf(key)),
                        where(overlay) + ": the ConfigMap " + string(cm, "metadata", "name") + " holds the secret " + key);
            }
        }
        Map<String, Object> backend = Kustomize.containers(build.find("Deployment", "dti-backend")).get(0);
        for (Map<String, Object> env : maps(backend, "env")) {
            if (secretSettings.contains(String.valueOf(env.get("name")))) {
                assertNull(env.get("value"), where(overlay) + ": " + env.get("name") + " is written into the Deployment");
                assertNotNull(at(env, "valueFrom", "secretKeyRef"), where(overlay) + ": " + env.get("name") + " should come from a Secret");
            }
        }
        assertFalse(build.secrets().isEmpty(), where(overlay) + " generates no Secret");
        for (Kustomize.GeneratedSecret secret : build.secrets()) {
            assertEquals(Set.of(), new java.util.HashSet<>(secret.literals().keySet()).stream()
                    .filter(k -> !k.equals("username")).collect(java.util.stream.Collectors.toSet()),
                    where(overlay) + ": Secret " + secret.name() + " writes a value into the kustomization");
            for (Path file : secret.files().values()) {
                Path dir = file.getParent();
                assertEquals("secrets", dir.getFileName().toString(), where(overlay) + ": " + file.getFileName() + " belongs in secrets/");
                assertTrue(Files.readAllLines(dir.resolve(".gitignore")).contains("*"),
                        ROOT.relativize(dir) + "/.gitignore should keep every secret file out of git");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDatabaseClusterIsReplicatedBackedUpAndWhatTheBackendConnectsTo(Path overlay) {
        Kustomize.Build build = Kustomize.build(overlay);
        List<Map<String, Object>> clusters = build.ofKind("Cluster");
        assertEquals(1, clusters.size(), where(overlay) + " should have one database cluster");
        Map<String, Object> cluster = clusters.get(0);
        String name = string(cluster, "metadata", "name");
        String what = where(overlay) + ": Cluster " + name;
        assertTrue(((Number) at(cluster, "spec", "instances")).intValue() >= 2, what + " needs a replica");
        assertTrue(String.valueOf(at(cluster, "spec", "imageName")).matches("[^:]+:[0-9]+\\.[0-9]+.*"), what + ": pin the PostgreSQL release");
        assertNotNull(at(cluster, "spec", "storage", "size"), what + " has no storage size");
        assertNotNull(at(cluster, "spec", "resources", "limits", "memory"), what + " has no memory limit");

        String secretName = string(cluster, "spec", "bootstrap", "initdb", "secret", "name");
        requireKey(build, "Secret", secretName, "username", what + " initdb");
        requireKey(build, "Secret", secretName, "password", what + " initdb");
        assertEquals("kubernetes.io/basic-auth", string(build.find("Secret", secretName), "type"), what + ": the owner's Secret type");
        Kustomize.GeneratedSecret owner = build.secrets().stream().filter(s -> s.name().equals(secretName)).findFirst().orElseThrow();
        assertEquals(string(cluster, "spec", "bootstrap", "initdb", "owner"), owner.literals().get("username"),
                what + ": the owner's Secret names another role than initdb.owner");

        Map<String, Object> config = build.find("ConfigMap", "dti-backend");
        assertEquals("jdbc:postgresql://" + name + "-rw:5432/" + string(cluster, "spec", "bootstrap", "initdb", "database"),
                string(config, "data", "QUARKUS_DATASOURCE_JDBC_URL"), where(overlay) + ": the backend should use the cluster's primary");
        Map<String, Object> backend = Kustomize.containers(build.find("Deployment", "dti-backend")).get(0);
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            Map<String, Object> env = maps(backend, "env").stream().filter(e -> variable.equals(e.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(where(overlay) + ": the backend has no " + variable));
            assertEquals(secretName, string(env, "valueFrom", "secretKeyRef", "name"), where(overlay) + ": " + variable + " should be the owner's");
        }
        int pool = Integer.parseInt(string(config, "data", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        int maxInstances = ((Number) at(build.ofKind("HorizontalPodAutoscaler").get(0), "spec", "maxReplicas")).intValue();
        int connections = Integer.parseInt(string(cluster, "spec", "postgresql", "parameters", "max_connections"));
        assertTrue(pool * maxInstances + 10 <= connections, what + ": " + maxInstances + " instances of " + pool
                + " connections, plus room for replication and an administrator, need more than max_connections " + connections);

        List<Map<String, Object>> plugins = maps(cluster, "spec", "plugins");
        Map<String, Object> barman = plugins.stream().filter(p -> BARMAN_PLUGIN.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(what + " does not use the Barman Cloud plugin"));
        assertEquals(Boolean.TRUE, barman.get("isWALArchiver"), what + ": the WAL is archived by the plugin");
        Map<String, Object> store = build.find("ObjectStore", string(barman, "parameters", "barmanObjectName"));
        assertNotNull(store, what + " archives to an ObjectStore that does not exist");
        assertTrue(String.valueOf(at(store, "spec", "configuration", "destinationPath")).startsWith("s3://"), "backups go to S3");
        assertNotNull(at(store, "spec", "retentionPolicy"), "the ObjectStore keeps backups for a stated time");
        for (String credential : List.of("accessKeyId", "secretAccessKey")) {
            requireKey(build, "Secret", string(store, "spec", "configuration", "s3Credentials", credential, "name"),
                    string(store, "spec", "configuration", "s3Credentials", credential, "key"), "ObjectStore " + credential);
        }

        List<Map<String, Object>> schedules = build.ofKind("ScheduledBackup");
        assertFalse(schedules.isEmpty(), where(overlay) + " takes no scheduled backup");
        for (Map<String, Object> schedule : schedules) {
            String s = where(overlay) + ": ScheduledBackup " + string(schedule, "metadata", "name");
            assertEquals(name, string(schedule, "spec", "cluster", "name"), s + " backs up another cluster");
            assertEquals("plugin", string(schedule, "spec", "method"), s + " method");
            assertEquals(BARMAN_PLUGIN, string(schedule, "spec", "pluginConfiguration", "name"), s + " plugin");
            assertEquals(6, string(schedule, "spec", "schedule").trim().split("\\s+").length, s + ": CloudNativePG schedules have six fields");
        }
    }
}
