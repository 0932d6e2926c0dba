package vn.dti.tracker.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

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
            } catch (io.quarkus.security.AuthenticationFailedException refused) {
                throw refused;
            } catch (Exception e) {
                // The caller could not be checked at all (the transaction runner may rethrow the transaction manager's
                // checked exceptions as they are). That is not a bad token, and a failed authentication would be
                // answered 401, which signs the user out. The identity carries the failure, without any role, and the
                // first use of the caller throws it: 503 when the database is away, 500 otherwise.
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(jwt)
                        .addCredentials(identity.getCredentials())
                        .addAttribute(CallerCheckFailed.ATTRIBUTE, new CallerCheckFailed(e))
                        .build();
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
