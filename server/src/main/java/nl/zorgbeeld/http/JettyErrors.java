package nl.zorgbeeld.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's JSON error for requests that Jetty refuses before any route sees them (a path with an
 * encoded NUL or an ambiguous segment, a malformed request line), instead of Jetty's HTML page.
 * Jetty asks the servlet context's handler for errors inside the app and the server's for the rest.
 */
final class JettyErrors {
    private static final Logger LOG = LoggerFactory.getLogger(JettyErrors.class);

    private JettyErrors() {}

    /** For the server: writes the body and completes the exchange itself. */
    static final class ServerLevel extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                        Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorHandlers.PROBLEM_JSON);
            response.write(true, ByteBuffer.wrap(body(status, message)), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, ErrorHandlers.PROBLEM_JSON);
            return ByteBuffer.wrap(body(status, reason));
        }
    }

    /** For the servlet context: writes through the servlet response; the servlet layer completes the exchange. */
    static final class ContextLevel extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                        Callback callback) throws IOException {
            HttpServletResponse servlet = Request.asInContext(request, ServletContextRequest.class).getHttpServletResponse();
            servlet.setContentType(ErrorHandlers.PROBLEM_JSON);
            servlet.getOutputStream().write(body(status, message));
        }
    }

    private static byte[] body(int status, String message) {
        String requestId = UUID.randomUUID().toString().substring(0, 8);
        String code = status == 400 ? "BadRequest" : ErrorHandlers.codeFor(status);
        String detail = message == null || message.isBlank() ? "The request was refused before it reached the API" : message;
        LOG.info("refused by the web server with {} ({}): {} (request id {})", status, code, detail, requestId);
        return ErrorHandlers.body(status, code, ErrorHandlers.titleFor(status), detail, null, requestId, Map.of())
                .getBytes(StandardCharsets.UTF_8);
    }
}
