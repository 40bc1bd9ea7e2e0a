package org.videoplatform.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.videoplatform.media.control.ContentDisposition;
import org.videoplatform.media.control.DocumentDownload;

/** Sends a stored document to be saved, never shown. */
public final class Downloads {

    private Downloads() {
    }

    /**
     * As bytes with no type of their own: the type an attachment was announced with is the
     * producer's word, and a page this origin served as HTML could run script in a lead's session.
     */
    public static Response saved(DocumentDownload document) {
        StreamingOutput body = out -> {
            try (InputStream content = document.content()) {
                content.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, document.size())
                .header("Content-Disposition", ContentDisposition.attachment(document.fileName()))
                .build();
    }
}
