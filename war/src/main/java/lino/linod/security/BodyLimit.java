package lino.linod.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import lino.linod.rest.Problem;

/**
 * Request bodies are refused before they are read past the limit: 100,000 bytes for the API (its JSON bodies are a
 * few hundred bytes; a body of 100,000 bytes has at most 100,000 characters, what the API reads), 1,000,000 for a
 * page's form post. A {@code Content-Length} over the limit gets 413 at once, the body unread, and the connection
 * is closed after the answer, so that the rest is never read either (Payara then closes the connection only with
 * its {@code max-swallowing-input-bytes} set, as {@code dist/preboot.asadmin} does; else it reads the rest
 * and throws it away). An API body without a length (chunked) is read here up to the limit and refused as soon as
 * it passes it; a page's form post must say its length (every browser does), else 411.
 * <p>
 * HTTP/2 (h2c, which Java's HTTP client asks for) has no connection to close per request, and a client whose
 * body is not read stalls on flow control before it reads the answer: there, a body of up to
 * {@link #DRAINED_ON_HTTP2} bytes more than the limit is read and thrown away before the 413, a longer one is
 * answered at once and left stalled.
 */
public class BodyLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The most bytes of an API request body. */
    public static final int API_BYTES = 100_000;
    /** The most bytes of any other request body: a page's form post, with its view state. */
    public static final int PAGE_BYTES = 1_000_000;
    /** Over HTTP/2, how many bytes past the limit are read and thrown away so that the client gets its 413. */
    static final int DRAINED_ON_HTTP2 = 1_000_000;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.equals("/api") || path.startsWith("/api/");
        int limit = api ? API_BYTES : PAGE_BYTES;
        long length = request.getContentLengthLong();
        boolean http2 = request.getProtocol().startsWith("HTTP/2");
        if (length > limit) {
            if (http2 && length <= limit + DRAINED_ON_HTTP2) {
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            refuse(request, response, api, 413, "Content Too Large",
                    "The request body must be at most " + limit + " bytes.");
            return;
        }
        boolean unannounced = request.getHeader("Transfer-Encoding") != null
                || http2 && api && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (length < 0 && unannounced) {
            if (!api) {
                refuse(request, response, false, 411, "Length Required",
                        "A form post must give its Content-Length.");
                return;
            }
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                refuse(request, response, true, 413, "Content Too Large",
                        "The request body must be at most " + limit + " bytes.");
                return;
            }
            chain.doFilter(new Read(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, int status,
            String title, String detail)
            throws IOException {
        byte[] body = (api ? Problem.json(status, title, detail) : status + " " + title + ": " + detail + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (!request.getProtocol().startsWith("HTTP/2")) {
            response.setHeader("Connection", "close");
        }
        response.setContentType(api ? Problem.MEDIA_TYPE : "text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The request with its body already read (and counted) here. */
    private static final class Read extends HttpServletRequestWrapper {

        private final byte[] body;

        Read(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
