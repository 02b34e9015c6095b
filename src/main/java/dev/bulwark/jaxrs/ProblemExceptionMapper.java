package dev.bulwark.jaxrs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps every exception that leaves a resource to the generic problem for its status. */
public final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private final ProblemResponder responder;

    @Context
    private HttpServletRequest request;

    ProblemExceptionMapper(ProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public Response toResponse(Throwable error) {
        return responder.respond(error, request);
    }
}
