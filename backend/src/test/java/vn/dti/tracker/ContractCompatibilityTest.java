package vn.dti.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.yaml.snakeyaml.Yaml;

/**
 * A breaking change to the contract, compared with the last released one kept in openapi/released/,
 * fails the build unless openapi/approved-changes.yaml lists it with a reason.
 */
class ContractCompatibilityTest {

    static final Path CURRENT = Path.of("..", "openapi", "openapi.yaml");
    static final Path RELEASED_DIR = Path.of("..", "openapi", "released");
    static final Path APPROVED = Path.of("..", "openapi", "approved-changes.yaml");

    /** "METHOD path" of every operation the new contract breaks: removed, or changed incompatibly. */
    static Set<String> breaking(Path released, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toAbsolutePath().toString(), current.toAbsolutePath().toString());
        Set<String> out = new TreeSet<>();
        diff.getMissingEndpoints().forEach(e -> out.add(e.getMethod() + " " + e.getPathUrl()));
        for (ChangedOperation op : diff.getChangedOperations()) {
            if (op.isIncompatible()) {
                out.add(op.getHttpMethod() + " " + op.getPathUrl());
            }
        }
        return out;
    }

    static Path latestReleased() throws Exception {
        try (Stream<Path> files = Files.list(RELEASED_DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).max(Path::compareTo).orElseThrow();
        }
    }

    @Test
    void everyBreakingChangeSinceTheReleaseIsApprovedWithAReason() throws Exception {
        Set<String> approved = new TreeSet<>();
        List<String> withoutReason = new ArrayList<>();
        try (InputStream in = Files.newInputStream(APPROVED)) {
            Map<String, Object> doc = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) doc.getOrDefault("approved", List.of());
            for (Map<String, Object> e : entries) {
                Object reason = e.get("reason");
                if (reason == null || reason.toString().isBlank()) {
                    withoutReason.add(String.valueOf(e.get("operation")));
                }
                approved.add(String.valueOf(e.get("operation")));
            }
        }
        assertEquals(List.of(), withoutReason, "approved changes need a reason");
        Set<String> unapproved = breaking(latestReleased(), CURRENT).stream().filter(op -> !approved.contains(op))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unapproved, "breaking changes to the contract not listed in openapi/approved-changes.yaml");
    }

    @Test
    void theCheckSeesARemovedOperation() throws Exception {
        String text = Files.readString(latestReleased());
        int start = text.indexOf("\n  /api/v1/mail-outbox:");
        int end = text.indexOf("\n  /api/", start + 10);
        assertTrue(start > 0 && end > start);
        Path shrunk = Files.createTempFile("contract-", ".yaml");
        try {
            Files.writeString(shrunk, text.substring(0, start) + text.substring(end));
            assertEquals(Set.of("GET /api/v1/mail-outbox"), breaking(latestReleased(), shrunk));
        } finally {
            Files.deleteIfExists(shrunk);
        }
    }
}
