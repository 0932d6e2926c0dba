package vn.dti.tracker.audit;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Events that are not row changes (sign-ins, failures, locks, token revocations), written into the
 * same append-only trail as the row changes the triggers record.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final ObjectMapper json;
    private final RequestActor actor;

    public AuditLog(EntityManager em, ObjectMapper json, RequestActor actor) {
        this.em = em;
        this.json = json;
        this.actor = actor;
    }

    /** Who did it, as the event should name them (a failed sign-in names the account it tried). */
    public record Actor(String kind, UUID id, String name) {
        public static Actor anonymous(String attemptedName) {
            return new Actor("ANONYMOUS", null, attemptedName);
        }
    }

    public void record(Actor who, String action, String objectType, UUID objectId, String scopePath, Map<String, ?> details) {
        String changes;
        try {
            changes = details == null || details.isEmpty() ? null : json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                insert into audit_event (actor_kind, actor_id, actor_name, client_ip, action, object_type, object_id, scope_path, changes)
                values (:kind, cast(:id as uuid), cast(:name as text), cast(:ip as text), :action, :type, cast(:objectId as text),
                        cast(:scope as text), cast(:changes as jsonb))""")
                .setParameter("kind", who.kind())
                .setParameter("id", who.id() == null ? null : who.id().toString())
                .setParameter("name", who.name())
                .setParameter("ip", actor.clientIp())
                .setParameter("action", action)
                .setParameter("type", objectType)
                .setParameter("objectId", objectId == null ? null : objectId.toString())
                .setParameter("scope", scopePath)
                .setParameter("changes", changes)
                .executeUpdate();
    }
}
