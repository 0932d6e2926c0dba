package vn.dti.tracker.document;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import vn.dti.tracker.common.ContentDisposition;

/** The media types of the documents, and how a document leaves: an attachment with its Vietnamese name. */
final class DocumentMedia {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PDF = "application/pdf";

    private DocumentMedia() {
    }

    static Response attachment(StreamingOutput body, String mediaType, String fileName) {
        return Response.ok(body, mediaType).header("Content-Disposition", ContentDisposition.of("attachment", fileName))
                .header("Cache-Control", "private, no-store").header("X-Content-Type-Options", "nosniff").build();
    }
}
