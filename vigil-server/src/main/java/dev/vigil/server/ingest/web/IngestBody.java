package dev.vigil.server.ingest.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import jakarta.servlet.http.HttpServletRequest;

import dev.vigil.server.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Reading an ingest request body: gzip (Content-Encoding), size limits, and splitting into lines. */
final class IngestBody {

    private IngestBody() {
    }

    /** The body, decompressed when the client says it is gzip, refused above {@code maxDecompressed} bytes. */
    static byte[] read(HttpServletRequest request, long maxDecompressed) throws IOException {
        String encoding = request.getHeader("Content-Encoding");
        InputStream in = request.getInputStream();
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            if (!encoding.equalsIgnoreCase("gzip") && !encoding.equalsIgnoreCase("x-gzip")) {
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-encoding",
                        "Content-Encoding '" + encoding + "' is not supported; send identity or gzip");
            }
            try {
                in = new GZIPInputStream(in, 64 * 1024);
            } catch (ZipException e) {
                throw ProblemException.badRequest("malformed-body", "the body is not gzip data: " + e.getMessage());
            }
        }
        try {
            return readBounded(in, maxDecompressed);
        } catch (ZipException | java.io.EOFException e) {
            throw ProblemException.badRequest("malformed-body", "the gzip body is damaged or truncated: " + e.getMessage());
        }
    }

    private static byte[] readBounded(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "the decompressed body exceeds the limit of " + max + " bytes (vigil.ingest.max-decompressed-body)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Non-blank lines (LF or CRLF); each becomes one event. */
    static List<Line> lines(byte[] body) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i;
                if (end > start && body[end - 1] == '\r') {
                    end--;
                }
                if (!isBlank(body, start, end)) {
                    lines.add(new Line(body, start, end));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A slice of the body. */
    record Line(byte[] body, int start, int end) {
        byte[] bytes() {
            return java.util.Arrays.copyOfRange(body, start, end);
        }

        int length() {
            return end - start;
        }
    }
}
