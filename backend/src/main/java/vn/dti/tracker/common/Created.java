package vn.dti.tracker.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * 201 Created with its Location as a path on this server. A relative reference is what RFC 9110 (10.2.2) allows,
 * and it never depends on the scheme and host that forwarded headers claim: JAX-RS's own {@code Response.created}
 * makes the path absolute from them, and fails on a forged {@code X-Forwarded-Proto}.
 */
public final class Created {

    private Created() {
    }

    public static Response.ResponseBuilder at(String path) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, path);
    }
}
