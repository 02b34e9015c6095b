package dev.bulwark.jaxrs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Bean Validation failures as a 400 problem listing field paths and constraint messages. It exists beside
 * {@link ProblemExceptionMapper} because JAX-RS runtimes ship their own mapper for {@code ValidationException}
 * (RESTEasy's answers with its own report format and a {@code validation-exception} header); a mapper for the
 * more specific {@code ConstraintViolationException} is chosen before it.
 */
public final class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    private final ProblemResponder responder;

    @Context
    private HttpServletRequest request;

    ValidationExceptionMapper(ProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public Response toResponse(ConstraintViolationException error) {
        return responder.respond(error, request);
    }
}
