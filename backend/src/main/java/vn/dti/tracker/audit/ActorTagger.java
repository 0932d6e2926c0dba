package vn.dti.tracker.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import vn.dti.tracker.auth.AccessPolicy;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.common.Entities;

/**
 * Tells the database who is writing: every connection handed out carries the caller's identity and
 * address as session settings, which the audit triggers (V2 migration) copy into each audit row. Start-up work that
 * writes the past ({@link Entities#asOf}) also names its moment, which the audit rows take as their time (V13).
 */
@ApplicationScoped
public class ActorTagger implements AgroalPoolInterceptor {

    private static final String SET = "select set_config('dti.actor_kind', ?, false), set_config('dti.actor_id', ?, false),"
            + " set_config('dti.actor_name', ?, false), set_config('dti.client_ip', ?, false), set_config('dti.occurred_at', ?, false)";

    @Override
    public void onConnectionAcquire(Connection connection) {
        String kind = "SYSTEM";
        String id = "";
        String name = "";
        String ip = "";
        ManagedContext requestContext = Arc.container().requestContext();
        if (AccessPolicy.isSystem()) {
            name = Caller.SYSTEM.name();
        } else if (requestContext.isActive()) {
            RequestActor actor = Arc.container().instance(RequestActor.class).get();
            String address = actor.clientIp();
            Caller caller = actor.caller();
            if (caller != null) {
                kind = caller.kind().name();
                id = caller.id() == null ? "" : caller.id().toString();
                name = caller.name();
            } else if (address != null) {
                // An HTTP request without a signed-in caller (sign-in itself).
                kind = "ANONYMOUS";
            }
            ip = address == null ? "" : address;
        }
        Instant past = Entities.pastMoment();
        apply(connection, kind, id, name, ip, past == null ? "" : past.toString());
    }

    /**
     * Never throws: a connection that broke (its database went away) cannot be cleared, and an exception here would
     * keep the pool from taking it back, so it would be lost to the pool for good. The pool discards a broken connection
     * on its return; the next user of a sound one tags it again on acquiring it.
     */
    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            apply(connection, "", "", "", "", "");
        } catch (IllegalStateException e) {
            org.jboss.logging.Logger.getLogger(ActorTagger.class).debugf("Could not clear the caller of a returned connection: %s",
                    e.getCause());
        }
    }

    private static void apply(Connection connection, String kind, String id, String name, String ip, String occurredAt) {
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            statement.setString(1, kind);
            statement.setString(2, id);
            statement.setString(3, name);
            statement.setString(4, ip);
            statement.setString(5, occurredAt);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tag the database connection with the caller", e);
        }
    }
}
