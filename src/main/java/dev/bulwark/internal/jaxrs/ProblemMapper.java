package dev.bulwark.internal.jaxrs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** An exception mapper that hands every exception it maps to the one {@link ProblemResponder}. */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    private final ProblemResponder responder;

    @Context
    private HttpServletRequest request;

    ProblemMapper(ProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public Response toResponse(E error) {
        return responder.respond(error, request);
    }
}
