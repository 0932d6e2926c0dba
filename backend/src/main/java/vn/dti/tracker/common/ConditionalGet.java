package vn.dti.tracker.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Conditional GET for every JSON read. An object that carries its version as ETag is answered 304
 * when If-None-Match names that version; any other JSON answer (lists, reports, overviews) gets a weak
 * ETag from a hash of its body and 304 when it is unchanged, so polling costs the client nothing when
 * nothing changed. The body is serialised once, here, and sent as it was hashed.
 */
@ApplicationScoped
public class ConditionalGet {

    private final ObjectMapper json;

    public ConditionalGet(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        MediaType type = response.getMediaType();
        Object entity = response.getEntity();
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || entity == null
                || type != null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || entity instanceof byte[] || entity instanceof CharSequence || entity instanceof java.nio.file.Path
                || entity instanceof java.io.File || entity instanceof java.io.InputStream || entity instanceof jakarta.ws.rs.core.StreamingOutput) {
            return;
        }
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        Object tag = response.getHeaders().getFirst("ETag");
        if (tag != null) {
            if (matches(ifNoneMatch, tag.toString())) {
                notModified(response);
            }
            return;
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        String etag = "W/" + tagOf(body);
        response.getHeaders().putSingle("ETag", etag);
        if (matches(ifNoneMatch, etag)) {
            notModified(response);
            return;
        }
        response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * A strong ETag from the exact JSON an object is sent as: for an object that has no version of its
     * own (a plan's bundle), so that a write based on it can name what it was based on.
     */
    public String tagOf(Object entity) {
        try {
            return tagOf(json.writeValueAsBytes(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tagOf(byte[] body) {
        return "\"" + hash(body) + "\"";
    }

    /**
     * If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches; nor does "*", since
     * every write here must name the state it was based on.
     */
    public static boolean matchesStrongly(String ifMatch, String etag) {
        if (ifMatch == null) {
            return false;
        }
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static void notModified(ContainerResponseContext response) {
        response.setStatus(304);
        response.setEntity(null);
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" and "x" are the same tag. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = weak(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || weak(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
