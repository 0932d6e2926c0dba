package vn.dti.tracker.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of sign-in and tokens (deploy/README.md lists them with their environment names). */
@ConfigMapping(prefix = "dti.auth")
public interface AuthSettings {

    /** {@code iss} of the tokens this server issues. */
    @WithDefault("dti-plan-tracker")
    String issuer();

    @WithDefault("PT15M")
    Duration accessTokenTtl();

    @WithDefault("P14D")
    Duration refreshTokenTtl();

    /** bcrypt cost factor (2^cost rounds). */
    @WithDefault("12")
    int bcryptCost();

    /** PEM file of the RS256 signing key (PKCS#8); made in the data directory when not configured. */
    Optional<String> privateKeyFile();

    /** PEM file of the matching public key. */
    Optional<String> publicKeyFile();

    Lockout lockout();

    AddressLimit addressLimit();

    Oidc oidc();

    /** Failed sign-ins of one name from one address: a few are free, then each further attempt waits. */
    interface Lockout {
        /** Consecutive failures allowed before each further attempt has to wait. */
        @WithDefault("3")
        int freeAttempts();

        /** The first wait; it doubles with every further failure. */
        @WithDefault("PT2S")
        Duration firstDelay();

        /** The longest wait: an account that reaches it is locked for this long. */
        @WithDefault("PT15M")
        Duration lockDuration();

        /** Failures of a name from an address are forgotten after this long without another. */
        @WithDefault("P1D")
        Duration forgetAfter();
    }

    /** Failed sign-ins from one address, whatever names they try: past the limit in a window, it waits for the window's end. */
    interface AddressLimit {
        @WithDefault("20")
        int failures();

        @WithDefault("PT15M")
        Duration window();
    }

    /** Tokens from a province single sign-on, accepted instead of our own when {@code issuer} is set. */
    interface Oidc {
        Optional<String> issuer();

        /** Where the issuer publishes its signing keys (JWKS). */
        Optional<String> jwksUrl();

        /** Claim holding the user name; a local account with that name supplies roles and unit. */
        @WithDefault("preferred_username")
        String usernameClaim();

        /** Claim listing role names, used when no local account matches. */
        @WithDefault("dti_roles")
        String rolesClaim();

        /** Claim holding the org-unit code, used when no local account matches. */
        @WithDefault("dti_unit")
        String unitClaim();

        /** External role name → our role name, for issuers whose role names differ. */
        Map<String, String> roleMap();
    }
}
