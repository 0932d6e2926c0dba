package vn.dti.tracker.feed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import vn.dti.tracker.common.DomainException;

/**
 * Opaque cursors of the change feed: a position (transaction, event), the scope it was issued for and
 * when, signed with HMAC-SHA256 so that a client can keep it but not forge or edit it. The key is
 * configured, or derived from the token signing key that every instance shares.
 */
@ApplicationScoped
public class Cursors {

    private static final Logger LOG = Logger.getLogger(Cursors.class);
    private static final String VERSION = "c1";

    /** A position in the feed: events after (tx, id). */
    public record Position(long tx, long id) {
        static final Position START = new Position(0, 0);
    }

    private final byte[] key;
    private final Duration maxAge;

    public Cursors(@ConfigProperty(name = "dti.changes.cursor-secret") Optional<String> secret,
            @ConfigProperty(name = "dti.auth.private-key-file") Optional<String> signingKey,
            @ConfigProperty(name = "dti.changes.cursor-max-age", defaultValue = "P90D") Duration maxAge) {
        this.maxAge = maxAge;
        this.key = secret.map(s -> sha256(s.getBytes(StandardCharsets.UTF_8))).orElseGet(() -> fromFile(signingKey));
    }

    private static byte[] fromFile(Optional<String> file) {
        try {
            if (file.isPresent() && Files.isReadable(Path.of(file.get()))) {
                byte[] material = Files.readAllBytes(Path.of(file.get()));
                byte[] label = "dti change feed cursors".getBytes(StandardCharsets.UTF_8);
                byte[] both = new byte[material.length + label.length];
                System.arraycopy(material, 0, both, 0, material.length);
                System.arraycopy(label, 0, both, material.length, label.length);
                return sha256(both);
            }
        } catch (java.io.IOException e) {
            LOG.warn("Could not read the signing key for change feed cursors", e);
        }
        LOG.warn("No dti.changes.cursor-secret and no signing key file: change feed cursors will not survive a restart");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    public String encode(Position p, Collection<String> scope, Instant now) {
        String payload = VERSION + "." + p.tx() + "." + p.id() + "." + scopeKey(scope) + "." + now.getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString((payload + "." + mac(payload)).getBytes(StandardCharsets.US_ASCII));
    }

    public Position decode(String cursor, Collection<String> scope, Instant now) {
        if (cursor == null || cursor.isBlank()) {
            return Position.START;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = List.of(text.split("\\."));
        if (parts.size() != 6 || !VERSION.equals(parts.get(0))) {
            throw invalid();
        }
        String payload = String.join(".", parts.subList(0, 5));
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII), parts.get(5).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        if (!parts.get(3).equals(scopeKey(scope))) {
            throw DomainException.invalidField("after", "changes.cursor-foreign-scope",
                    "Con trỏ này được cấp cho một phạm vi dữ liệu khác; hãy đọc lại từ đầu (bỏ 'after') bằng tài khoản này.");
        }
        long issued = Long.parseLong(parts.get(4));
        if (Instant.ofEpochSecond(issued).plus(maxAge).isBefore(now)) {
            throw new DomainException(DomainException.Kind.GONE, "changes.cursor-expired",
                    "Con trỏ đã quá hạn (" + maxAge.toDays() + " ngày); hãy tải lại toàn bộ rồi theo dõi từ vị trí hiện tại.",
                    List.of(new vn.dti.tracker.common.FieldError("after", "changes.cursor-expired", "Con trỏ đã quá hạn.")));
        }
        try {
            return new Position(Long.parseLong(parts.get(1)), Long.parseLong(parts.get(2)));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.invalidField("after", "changes.cursor-invalid",
                "Con trỏ không hợp lệ (bị sửa hoặc không do hệ thống cấp). Hãy dùng đúng giá trị 'next' đã nhận.");
    }

    private static String scopeKey(Collection<String> scope) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(String.join("|", scope.stream().sorted().toList())
                .getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
