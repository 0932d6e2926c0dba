package vn.dti.tracker.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.AccountBootstrap;
import vn.dti.tracker.common.Entities;
import vn.dti.tracker.demo.DemoHistory;
import vn.dti.tracker.plan.Plan;
import vn.dti.tracker.plan.PlanStatus;
import vn.dti.tracker.reporting.ReportingClock;

/**
 * Loads the demo plans (transcribed from real documents) through the bundle import, once, into an empty database, and
 * the demo accounts; then, unless dti.demo.history is off, a year of reporting up to today (demo/DemoHistory).
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final BundleImporter importer;
    private final AccountBootstrap accounts;
    private final ObjectMapper json;
    private final DemoHistory history;
    private final ReportingClock clock;
    private final boolean enabled;

    public DemoData(BundleImporter importer, AccountBootstrap accounts, ObjectMapper json, DemoHistory history, ReportingClock clock,
            @ConfigProperty(name = "dti.demo.load") boolean enabled) {
        this.history = history;
        this.clock = clock;
        this.importer = importer;
        this.accounts = accounts;
        this.json = json;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        // With the year of history its coordinators issue the draft seeds as part of it; without (tests, the bench) they are
        // issued as they are loaded, since nobody reports on a draft.
        List<PlanBundle> bundles = bundleNames().stream().map(name -> read("demo/" + name))
                .map(bundle -> history.enabled() ? bundle : inForce(bundle)).toList();
        Supplier<Void> load = () -> {
            long plans = QuarkusTransaction.requiringNew().call(() -> Plan.count());
            if (plans > 0) {
                LOG.info("Demo plans not loaded: the database already has plans");
            } else {
                for (PlanBundle bundle : bundles) {
                    var result = AccessPolicy.asSystem(() -> importer.importBundle(bundle, false));
                    LOG.infof("Demo plan %s loaded: %d indicators, %d tasks", result.planCode(), result.indicators().created().size(),
                            result.tasks().created().size());
                }
            }
            accounts.demoAccounts();
            return null;
        };
        if (!history.enabled()) {
            load.get();
            return;
        }
        // With the year of history, the plans and the accounts were entered before it began.
        int firstYear = bundles.stream().mapToInt(b -> b.plan().startYear()).min().orElse(clock.today().getYear());
        Entities.asOf(DemoHistory.entered(firstYear, clock.zone()), load);
        history.writeInBackground();
    }

    /**
     * A seed that is still a draft (its number and date left blank, "Số: /KH-UBND") issued with the demo's own values: the
     * number 01/KH-UBND and 5 January of the current year (within the plan's years). These are not the documents' values.
     */
    PlanBundle inForce(PlanBundle bundle) {
        if (bundle.plan() == null || bundle.plan().status() != PlanStatus.DRAFT) {
            return bundle;
        }
        int year = Math.max(bundle.plan().startYear(), Math.min(bundle.plan().endYear(), clock.today().getYear()));
        ObjectNode tree = json.valueToTree(bundle);
        ObjectNode plan = (ObjectNode) tree.get("plan");
        plan.put("status", PlanStatus.ISSUED.name());
        if (bundle.plan().documentNumber() == null) {
            plan.put("documentNumber", "01/KH-UBND");
        }
        if (bundle.plan().issueDate() == null) {
            plan.put("issueDate", LocalDate.of(year, 1, 5).toString());
        }
        try {
            return json.treeToValue(tree, PlanBundle.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> bundleNames() {
        return lines("demo/bundles.txt");
    }

    public PlanBundle read(String resource) {
        try (InputStream in = resourceStream(resource)) {
            return json.readValue(in, PlanBundle.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo bundle " + resource + " could not be read", e);
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = resourceStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resourceStream(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        return in;
    }
}
