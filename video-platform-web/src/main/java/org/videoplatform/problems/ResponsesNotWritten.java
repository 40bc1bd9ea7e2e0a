package org.videoplatform.problems;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * RESTEasy reports an answer it could not write as JSON with the same exception as a request body
 * it could not read, which {@link InvalidBodyMapper} answers as the client's mistake. An answer
 * not written is the server's: it goes to {@link UnexpectedFailureMapper}, logged under an incident.
 */
@Provider
public class ResponsesNotWritten implements WriterInterceptor {

    /** Carries the writer's own failure, not RESTEasy's wrapper, which would lead back to the body's mapper. */
    static final class ResponseNotWritten extends RuntimeException {

        ResponseNotWritten(ProcessingException wrapper) {
            super("The answer could not be written: " + wrapper.getMessage(), wrapper.getCause());
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } catch (ProcessingException e) {
            // A connection the client dropped is no incident of the server's.
            if (e.getCause() instanceof IOException dropped) {
                throw dropped;
            }
            throw new ResponseNotWritten(e);
        }
    }
}
