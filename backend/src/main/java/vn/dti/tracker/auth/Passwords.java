package vn.dti.tracker.auth;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

import io.quarkus.elytron.security.common.BcryptUtil;
import vn.dti.tracker.common.DomainException;
import vn.dti.tracker.common.FieldError;

/** Slow hashing (bcrypt, from Elytron) and the password policy. Secrets of service accounts use the same hash. */
@ApplicationScoped
public class Passwords {

    private static final Provider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private final int cost;
    /** Checked against when the account does not exist, so that the answer takes as long as for a real one. */
    private final String decoy;
    /** Verifications done since start: every sign-in, whatever its outcome, does exactly one. */
    private final LongAdder verifications = new LongAdder();

    public Passwords(AuthSettings settings) {
        this.cost = settings.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy-" + System.nanoTime(), cost);
    }

    public String hash(String raw) {
        return BcryptUtil.bcryptHash(normalise(raw), cost);
    }

    public boolean verify(String raw, String hash) {
        if (raw == null || hash == null) {
            return false;
        }
        verifications.increment();
        try {
            Password decoded = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(decoded.getAlgorithm(), PROVIDER);
            return factory.verify(factory.translate(decoded), normalise(raw).toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification; used when there is no account to check. Never matches. */
    public boolean verifyDecoy(String raw) {
        verify(raw == null ? "" : raw, decoy);
        return false;
    }

    public long verifications() {
        return verifications.sum();
    }

    /**
     * Chính sách mật khẩu: 8 to 128 characters, at least three of lower case, upper case, digits and
     * symbols, and not containing the user name.
     */
    public void checkPolicy(String password, String username, String field) {
        List<FieldError> errors = new ArrayList<>();
        String p = password == null ? "" : normalise(password);
        if (p.length() < 8 || p.length() > 128) {
            errors.add(new FieldError(field, "password.length", "Mật khẩu phải dài từ 8 đến 128 ký tự."));
        }
        int classes = 0;
        classes += p.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += p.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += p.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            errors.add(new FieldError(field, "password.too-simple",
                    "Mật khẩu cần có ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu."));
        }
        if (username != null && username.length() >= 3 && p.toLowerCase().contains(username.toLowerCase())) {
            errors.add(new FieldError(field, "password.contains-username", "Mật khẩu không được chứa tên đăng nhập."));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("password.weak", "Mật khẩu chưa đủ mạnh: " + errors.get(0).detail(), errors);
        }
    }

    /** The same password typed on any keyboard (composed or decomposed Vietnamese marks) is the same password. */
    private static String normalise(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFC);
    }
}
