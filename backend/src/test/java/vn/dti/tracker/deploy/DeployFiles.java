package vn.dti.tracker.deploy;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading the files of deploy/, .gitlab-ci.yml and the settings table, for the checks of this package. */
final class DeployFiles {

    /** The repository: tests run in backend/. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path K8S = DEPLOY.resolve("k8s");
    static final Path COMPOSE = DEPLOY.resolve("compose");
    static final Path README = DEPLOY.resolve("README.md");

    private DeployFiles() {
    }

    /** A loader that refuses duplicate keys (Kubernetes and Compose would silently keep the last one). */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /** Every document of a YAML file (empty documents left out). */
    static List<Object> documents(Path file) {
        List<Object> docs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (Object doc : yaml().loadAll(in)) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(ROOT.relativize(file) + " is not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** The one document of a YAML file, which must be a mapping. */
    static Map<String, Object> mapping(Path file) {
        List<Object> docs = documents(file);
        if (docs.size() != 1) {
            fail(ROOT.relativize(file) + " should hold one document, holds " + docs.size());
        }
        return map(docs.get(0), ROOT.relativize(file).toString());
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        assertInstanceOf(Map.class, value, where + " should be a mapping");
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        assertInstanceOf(List.class, value, where + " should be a list");
        return (List<Object>) value;
    }

    /** The value at a path of keys, or null where the path stops. */
    static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static String string(Object root, String... keys) {
        Object value = at(root, keys);
        return value == null ? null : String.valueOf(value);
    }

    /** Mappings found at a path, for optional lists. */
    static List<Map<String, Object>> maps(Object root, String... keys) {
        Object value = at(root, keys);
        if (value == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list(value, String.join(".", keys))) {
            out.add(map(item, String.join(".", keys)));
        }
        return out;
    }

    /** A deep copy of parsed YAML (mappings and lists), so that rendering never changes what was read. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    /** One row of the settings table in deploy/README.md: the variables it names, and its default cell. */
    record Setting(List<String> variables, String meaning, String defaultValue) {

        /** A secret's default cell says so; it never holds a value. */
        boolean secret() {
            return defaultValue.toLowerCase().contains("secret");
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*[A-Z0-9])(?:=[^`]*)?`");

    /** The rows of the table under "## Settings" in deploy/README.md. */
    static List<Setting> settings() {
        String text = read(README);
        int start = text.indexOf("\n## Settings");
        if (start < 0) {
            fail("deploy/README.md has no \"## Settings\" section");
        }
        int end = text.indexOf("\n## ", start + 1);
        String section = end < 0 ? text.substring(start) : text.substring(start, end);
        List<Setting> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            if (cells.length < 4) {
                fail("settings row without three cells: " + line);
            }
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(cells[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
            rows.add(new Setting(names, cells[2].trim(), cells[3].trim()));
        }
        return rows;
    }
}
