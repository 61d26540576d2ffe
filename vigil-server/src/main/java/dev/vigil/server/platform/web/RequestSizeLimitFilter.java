package dev.vigil.server.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code vigil.http.max-request-body} with 413 before anything reads them: by the
 * declared length at once, and by counting for chunked bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final List<BodyLimit> overrides;

    RequestSizeLimitFilter(VigilProperties properties, List<BodyLimit> overrides) {
        this.defaultLimit = properties.http().maxRequestBody().toBytes();
        this.overrides = List.copyOf(overrides);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        BodyLimit applicable = overrides.stream().filter(o -> o.applies(path)).findFirst()
                .orElse(new BodyLimit(List.of(), defaultLimit, "vigil.http.max-request-body"));
        long limit = applicable.limitBytes();
        if (request.getContentLengthLong() > limit) {
            ProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "the request body of " + request.getContentLengthLong() + " bytes exceeds the limit of " + limit + " bytes ("
                            + applicable.settingKey() + ")");
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (BodyTooLargeException e) {
            if (!response.isCommitted()) {
                response.reset();
                ProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "the request body exceeds the limit of " + limit + " bytes");
            }
        }
    }

    static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body too large");
            this.limit = limit;
        }
    }

    static long limitOf(Throwable bodyTooLarge) {
        return ((BodyTooLargeException) bodyTooLarge).limit;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
