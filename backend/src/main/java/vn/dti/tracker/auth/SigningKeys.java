package vn.dti.tracker.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The RS256 key pair of the embedded default: made once on first start, kept in the data directory,
 * readable by the owner only. Production configures its own PEM files instead (deploy/README.md).
 */
public final class SigningKeys {

    public static final String PRIVATE_FILE = "jwt-signing-key.pem";
    public static final String PUBLIC_FILE = "jwt-verify-key.pem";

    private SigningKeys() {
    }

    /** The pair in {@code directory}, generated there if absent. Returns the directory. */
    public static Path ensure(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
            return directory;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token signing keys to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection applies.
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
