package dev.bulwark.internal.jaxrs;

import jakarta.validation.ConstraintViolationException;

/**
 * Bean Validation failures as a 400 problem listing field paths and constraint messages. It exists beside
 * {@link ProblemExceptionMapper} because JAX-RS runtimes ship their own mapper for {@code ValidationException}
 * (RESTEasy's answers with its own report format and a {@code validation-exception} header); a mapper for the
 * more specific {@code ConstraintViolationException} is chosen before it.
 */
public final class ValidationExceptionMapper extends ProblemMapper<ConstraintViolationException> {

    ValidationExceptionMapper(ProblemResponder responder) {
        super(responder);
    }
}
