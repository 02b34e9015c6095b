package dev.bulwark.internal.jaxrs;

/** Maps every exception that leaves a resource to the generic problem for its status. */
public final class ProblemExceptionMapper extends ProblemMapper<Throwable> {

    ProblemExceptionMapper(ProblemResponder responder) {
        super(responder);
    }
}
