package dev.vigil.server.incident;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file of an incident to download: a report or an attachment. */
public record IncidentFile(String filename, String contentType, byte[] content) {

    /** The download response: its type, a Content-Disposition attachment with the name, and no type sniffing. */
    public ResponseEntity<byte[]> asAttachment() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
