package vn.dti.tracker.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Content in S3-compatible object storage under {@code <prefix><sha256>}. An object becomes visible
 * only when its upload completes, and the server checks the SHA-256 we send with it, so a damaged
 * transfer is refused rather than stored.
 */
public final class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3BlobStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    private String key(String sha256) {
        return prefix + sha256;
    }

    @Override
    public void put(String sha256, Path source, long size) throws IOException {
        try {
            String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
            s3.putObject(b -> b.bucket(bucket).key(key(sha256)).contentLength(size).checksumSHA256(checksum),
                    RequestBody.fromFile(source));
        } catch (S3Exception e) {
            throw new IOException("S3 refused to store " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 did not answer for " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(sha256)));
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key(sha256));
        } catch (S3Exception e) {
            throw new IOException("S3 did not give " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        return Optional.empty();
    }

    @Override
    public void delete(String sha256) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key(sha256)));
        } catch (S3Exception e) {
            throw new IOException("S3 did not delete " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Consumer<StoredObject> action) throws IOException {
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                String name = o.key().substring(prefix.length());
                if (name.matches("[0-9a-f]{64}")) {
                    action.accept(new StoredObject(name, o.size(), o.lastModified()));
                }
            }
        } catch (S3Exception e) {
            throw new IOException("S3 did not list " + bucket + ": " + e.getMessage(), e);
        }
    }

    /** The bucket exists and these credentials may use it. */
    @Override
    public void probe() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            throw new IOException("S3 bucket " + bucket + " answered " + e.statusCode(), e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new IOException("S3 did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }
}
