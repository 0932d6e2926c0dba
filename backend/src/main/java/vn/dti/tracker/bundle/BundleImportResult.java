package vn.dti.tracker.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, or (dry run) would do. */
@Schema(name = "BundleImportResult", description = "What the import created, updated and removed, by code")
public record BundleImportResult(boolean dryRun, @Schema(nullable = true, description = "Null in a dry run of a new plan") UUID planId,
        String planCode, Changes orgUnits, Changes dtiFrameworks, Changes plan, Changes groups, Changes indicators, Changes tasks,
        Changes dtiTargets, Changes dtiResults,
        @Schema(nullable = true, description = "ETag of the plan's bundle as stored: in a dry run, before the import (what the import's"
                + " `If-Match` names; null for a new plan); after an import, the new one") String etag) {

    BundleImportResult withEtag(String tag) {
        return new BundleImportResult(dryRun, planId, planCode, orgUnits, dtiFrameworks, plan, groups, indicators, tasks, dtiTargets,
                dtiResults, tag);
    }

    @Schema(name = "BundleChanges")
    public record Changes(List<String> created, List<String> updated, List<String> removed, int unchanged) {
    }

    /** Collects the codes of one kind of object while the import runs. */
    static final class Tally {
        final List<String> created = new ArrayList<>();
        final List<String> updated = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        int unchanged;

        Changes done() {
            return new Changes(List.copyOf(created), List.copyOf(updated), List.copyOf(removed), unchanged);
        }
    }
}
