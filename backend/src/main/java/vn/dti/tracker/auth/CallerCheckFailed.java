package vn.dti.tracker.auth;

/**
 * The caller's account could not be read, for a reason other than the token or the account itself: the database is
 * away, or the product failed. The request's identity carries it (with no role) instead of failing the authentication,
 * which would be answered 401 and sign the user out; the first use of the caller throws it, and the answer is 503 or
 * 500.
 */
public class CallerCheckFailed extends RuntimeException {

    public static final String ATTRIBUTE = "dti.caller-check-failed";

    public CallerCheckFailed(Throwable cause) {
        super("The caller's account could not be read", cause);
    }

    /** The failure of the caller check that {@code identity} carries, or null. */
    public static CallerCheckFailed of(io.quarkus.security.identity.SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }
}
