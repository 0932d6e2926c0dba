package vn.dti.tracker.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import vn.dti.tracker.auth.Caller;
import vn.dti.tracker.auth.CallerLoader;

/** Who is acting in this request and from where, for the audit trail. */
@RequestScoped
public class RequestActor {

    @Inject
    CurrentVertxRequest request;

    @Inject
    CurrentIdentityAssociation identities;

    /** The signed-in caller, or null for an anonymous request or one whose token is being checked right now. */
    public Caller caller() {
        if (CallerLoader.isResolving()) {
            return null;
        }
        try {
            SecurityIdentity identity = identities.getIdentity();
            return identity == null || identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        } catch (RuntimeException e) {
            // A token that does not verify: the request itself is refused, the connection stays anonymous.
            return null;
        }
    }

    /** The client address; behind a proxy it is the forwarded one when forwarding is enabled in the settings. */
    public String clientIp() {
        RoutingContext context = request.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return null;
        }
        return context.request().remoteAddress().hostAddress();
    }
}
