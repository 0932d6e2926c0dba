package vn.dti.tracker.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import vn.dti.tracker.database.DatabaseOutage;

/** Gives every verified token its roles and scope from the database (the token's own groups are not trusted). */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    private final CallerLoader loader;

    public CallerAugmentor(CallerLoader loader) {
        this.loader = loader;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Caller caller;
            try {
                caller = loader.load(jwt);
            } catch (RuntimeException e) {
                if (DatabaseOutage.isOutage(e)) {
                    // Kept as the cause, so that the answer is 503 (the database is away), not 401 (a bad token).
                    throw new io.quarkus.security.AuthenticationFailedException(e);
                }
                throw e;
            }
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                    .setPrincipal(jwt)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(Caller.ATTRIBUTE, caller);
            caller.roles().forEach(role -> builder.addRole(role.name()));
            return builder.build();
        });
    }
}
