package nl.maatwerk.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over the configured size with 413 before anything is parsed or written, both when
 * the client declares the length and when it streams a chunked body.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxBatchBytes;

    BodySizeLimit(@Value("${maatwerk.api.max-body-bytes}") long maxBytes,
            @Value("${maatwerk.api.max-batch-body-bytes}") long maxBatchBytes) {
        this.maxBytes = maxBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith("/batch") ? maxBatchBytes : maxBytes;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            ProblemResponses.write(response, 413, "payload-too-large",
                    "The body is " + declared + " bytes; at most " + limit + " bytes are accepted here");
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (ServletException e) {
            if (e.getCause() instanceof TooLarge tooLarge && !response.isCommitted()) {
                response.resetBuffer();
                ProblemResponses.write(response, 413, "payload-too-large", tooLarge.getMessage());
                return;
            }
            throw e;
        }
    }

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The body is larger than the " + limit + " bytes accepted here");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        count += n;
                        if (count > limit) {
                            throw new TooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
