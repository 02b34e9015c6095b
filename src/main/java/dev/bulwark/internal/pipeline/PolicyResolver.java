package dev.bulwark.internal.pipeline;

/**
 * Reads one concern's annotations of an endpoint, once, at deployment, into its {@link PolicyPart}. Every problem
 * (a rate that does not parse, a header Bulwark does not manage, a schema that does not load) is reported through
 * {@link Problems}, never thrown at the first request.
 *
 * @param <T> the part this resolver makes
 */
public interface PolicyResolver<T extends PolicyPart> {

    /** The part's type: the key under which the endpoint's policy holds it. */
    Class<T> part();

    /** The label of the part in the inventory ("access", "rate-limit", ...). */
    String label();

    /** The part for this endpoint, or null when the concern does nothing there. */
    T resolve(EndpointSite site, Problems problems);

    /** Collects the deployment problems of the annotations being resolved. */
    interface Problems {

        /** Reports a problem of {@code annotation} (its simple name is shown with an @) on the site. */
        void add(EndpointSite site, Class<? extends java.lang.annotation.Annotation> annotation, String problem);
    }
}
