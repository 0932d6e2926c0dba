package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.dti.tracker.deploy.DeployFiles.ROOT;
import static vn.dti.tracker.deploy.DeployFiles.at;
import static vn.dti.tracker.deploy.DeployFiles.list;
import static vn.dti.tracker.deploy.DeployFiles.map;
import static vn.dti.tracker.deploy.DeployFiles.string;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of kustomize that deploy/k8s uses, enough to check what an overlay produces without kubectl:
 * resources (files and directories), strategic-merge patches by kind and name, secret generators with fixed
 * names, images, namespace. A kustomization using anything else fails here, so that nothing is checked by a
 * model that does not know it.
 */
final class Kustomize {

    static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images",
            "secretGenerator", "generatorOptions");

    /** Kinds whose lists of named items (containers, env, volumes) kustomize merges by name; other lists are replaced. */
    static final Set<String> BUILT_IN_KINDS = Set.of("Namespace", "ConfigMap", "Secret", "Service", "Deployment",
            "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress");

    /** A Secret an overlay generates: its keys, and where each value comes from (a literal, or a file). */
    record GeneratedSecret(Path kustomization, String name, Map<String, String> literals, Map<String, Path> files) {
    }

    record Build(List<Map<String, Object>> resources, List<GeneratedSecret> secrets) {

        List<Map<String, Object>> ofKind(String kind) {
            return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        }

        Map<String, Object> find(String kind, String name) {
            return resources.stream()
                    .filter(r -> kind.equals(r.get("kind")) && name.equals(string(r, "metadata", "name")))
                    .findFirst().orElse(null);
        }
    }

    private Kustomize() {
    }

    static Map<String, Object> kustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(file), ROOT.relativize(dir) + " has no kustomization.yaml");
        Map<String, Object> k = DeployFiles.mapping(file);
        for (String field : k.keySet()) {
            assertTrue(FIELDS.contains(field), ROOT.relativize(file) + " uses \"" + field
                    + "\", which these checks do not model; teach Kustomize.java what it does first");
        }
        assertEquals("kustomize.config.k8s.io/v1beta1", k.get("apiVersion"), ROOT.relativize(file) + " apiVersion");
        assertEquals("Kustomization", k.get("kind"), ROOT.relativize(file) + " kind");
        return k;
    }

    static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        return list(value, where).stream().map(String::valueOf).toList();
    }

    static Build build(Path dir) {
        Map<String, Object> k = kustomization(dir);
        String where = ROOT.relativize(dir.resolve("kustomization.yaml")).toString();
        List<Map<String, Object>> resources = new ArrayList<>();
        List<GeneratedSecret> secrets = new ArrayList<>();
        for (String entry : strings(k.get("resources"), where + " resources")) {
            Path path = dir.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                Build inner = build(path);
                resources.addAll(inner.resources());
                secrets.addAll(inner.secrets());
            } else {
                assertTrue(Files.isRegularFile(path), where + " lists " + entry + ", which does not exist");
                for (Object doc : DeployFiles.documents(path)) {
                    resources.add(map(DeployFiles.copy(doc), ROOT.relativize(path).toString()));
                }
            }
        }
        Map<String, Object> options = k.get("generatorOptions") == null ? Map.of() : map(k.get("generatorOptions"), where);
        for (Object item : k.get("secretGenerator") == null ? List.of() : list(k.get("secretGenerator"), where)) {
            GeneratedSecret secret = secret(dir, map(item, where + " secretGenerator"), options, where);
            secrets.add(secret);
            Map<String, Object> data = new LinkedHashMap<>();
            secret.literals().keySet().forEach(key -> data.put(key, "(literal)"));
            secret.files().keySet().forEach(key -> data.put(key, "(file)"));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", secret.name());
            if (options.get("labels") != null) {
                metadata.put("labels", DeployFiles.copy(options.get("labels")));
            }
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("apiVersion", "v1");
            resource.put("kind", "Secret");
            resource.put("metadata", metadata);
            resource.put("type", string(item, "type") == null ? "Opaque" : string(item, "type"));
            resource.put("data", data);
            resources.add(resource);
        }
        for (Object item : k.get("patches") == null ? List.of() : list(k.get("patches"), where)) {
            Map<String, Object> patchEntry = map(item, where + " patches");
            assertEquals(Set.of("path"), patchEntry.keySet(), where + ": only patches by path are modelled");
            Path path = dir.resolve(String.valueOf(patchEntry.get("path"))).normalize();
            assertTrue(Files.isRegularFile(path), where + " patches with " + patchEntry.get("path") + ", which does not exist");
            for (Object doc : DeployFiles.documents(path)) {
                apply(resources, map(doc, ROOT.relativize(path).toString()), ROOT.relativize(path).toString());
            }
        }
        for (Object item : k.get("images") == null ? List.of() : list(k.get("images"), where)) {
            setImage(resources, map(item, where + " images"), where);
        }
        if (k.get("namespace") != null) {
            for (Map<String, Object> r : resources) {
                if (!"Namespace".equals(r.get("kind"))) {
                    map(r.get("metadata"), "metadata").put("namespace", k.get("namespace"));
                }
            }
        }
        return new Build(resources, secrets);
    }

    private static GeneratedSecret secret(Path dir, Map<String, Object> generator, Map<String, Object> options, String where) {
        String name = String.valueOf(generator.get("name"));
        for (String field : generator.keySet()) {
            assertTrue(Set.of("name", "type", "literals", "files", "options").contains(field),
                    where + " secretGenerator " + name + " uses \"" + field + "\", which these checks do not model");
        }
        boolean fixedName = Boolean.TRUE.equals(options.get("disableNameSuffixHash"))
                || Boolean.TRUE.equals(at(generator, "options", "disableNameSuffixHash"));
        assertTrue(fixedName, where + " secretGenerator " + name
                + ": the name must stay fixed (disableNameSuffixHash), since custom resources refer to it by name");
        Map<String, String> literals = new LinkedHashMap<>();
        for (String literal : strings(generator.get("literals"), where + " literals")) {
            int eq = literal.indexOf('=');
            assertTrue(eq > 0, where + " literal without a key: " + literal);
            literals.put(literal.substring(0, eq), literal.substring(eq + 1));
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String file : strings(generator.get("files"), where + " files")) {
            int eq = file.indexOf('=');
            String key = eq > 0 ? file.substring(0, eq) : Path.of(file).getFileName().toString();
            files.put(key, dir.resolve(eq > 0 ? file.substring(eq + 1) : file).normalize());
        }
        return new GeneratedSecret(dir, name, literals, files);
    }

    private static void apply(List<Map<String, Object>> resources, Map<String, Object> patch, String where) {
        String kind = String.valueOf(patch.get("kind"));
        String name = string(patch, "metadata", "name");
        List<Map<String, Object>> targets = resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name != null && name.equals(string(r, "metadata", "name")))
                .toList();
        if (targets.size() != 1) {
            fail(where + " patches " + kind + " " + name + ", which " + (targets.isEmpty() ? "does not exist" : "is not unique"));
        }
        Map<String, Object> target = targets.get(0);
        assertEquals(target.get("apiVersion"), patch.get("apiVersion"), where + " apiVersion of " + kind + " " + name);
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = (Map<String, Object>) merge(target, patch, BUILT_IN_KINDS.contains(kind));
        target.clear();
        target.putAll(merged);
    }

    /** Strategic merge as kustomize does it for these files: mappings merge, named items merge by name. */
    static Object merge(Object base, Object patch, boolean mergeNamedLists) {
        if (base instanceof Map<?, ?> b && patch instanceof Map<?, ?> p) {
            Map<String, Object> out = new LinkedHashMap<>();
            b.forEach((k, v) -> out.put(String.valueOf(k), v));
            p.forEach((k, v) -> out.put(String.valueOf(k), out.containsKey(String.valueOf(k))
                    ? merge(out.get(String.valueOf(k)), v, mergeNamedLists) : DeployFiles.copy(v)));
            return out;
        }
        if (mergeNamedLists && base instanceof List<?> b && patch instanceof List<?> p && named(b) && named(p)) {
            List<Object> out = new ArrayList<>(b);
            for (Object item : p) {
                Object name = ((Map<?, ?>) item).get("name");
                int i = indexOfName(out, name);
                if (i < 0) {
                    out.add(DeployFiles.copy(item));
                } else {
                    out.set(i, merge(out.get(i), item, true));
                }
            }
            return out;
        }
        return DeployFiles.copy(patch);
    }

    private static boolean named(List<?> items) {
        return !items.isEmpty() && items.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static int indexOfName(List<Object> items, Object name) {
        for (int i = 0; i < items.size(); i++) {
            if (name.equals(((Map<?, ?>) items.get(i)).get("name"))) {
                return i;
            }
        }
        return -1;
    }

    private static void setImage(List<Map<String, Object>> resources, Map<String, Object> image, String where) {
        String name = String.valueOf(image.get("name"));
        boolean used = false;
        for (Map<String, Object> r : resources) {
            for (Map<String, Object> c : containers(r)) {
                String current = String.valueOf(c.get("image"));
                int colon = current.lastIndexOf(':');
                String currentName = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                if (currentName.equals(name)) {
                    String newName = image.get("newName") == null ? name : String.valueOf(image.get("newName"));
                    c.put("image", image.get("newTag") == null ? newName : newName + ":" + image.get("newTag"));
                    used = true;
                }
            }
        }
        assertTrue(used, where + " sets the image " + name + ", which no container uses");
    }

    /** The containers (init containers included) of a workload's pod template. */
    static List<Map<String, Object>> containers(Map<String, Object> resource) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.addAll(DeployFiles.maps(resource, "spec", "template", "spec", "initContainers"));
        out.addAll(DeployFiles.maps(resource, "spec", "template", "spec", "containers"));
        return out;
    }
}
