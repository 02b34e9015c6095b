package dev.bulwark.internal.observe;

import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The would-refusals of one request, kept in its {@link RequestState}: the first of each observed control (so at
 * most one per control, a bounded list), for its access event and the observed-refusal counter.
 */
public final class Observations {

    /** The slot of the request's observations. */
    public static final RequestState.Key<Observations> KEY = RequestState.Key.of("observed refusals",
            Observations.class);

    private final List<Observation> list = new ArrayList<>(2);

    /**
     * Whether the request has a caller, so that an access decision about it may be observed: the container's
     * principal, or a caller Bulwark verified ({@link dev.bulwark.internal.auth.TokenGate#VERIFIED}: a bearer token,
     * an API key), which the request a server hands to CDI beans may not show as its principal. A request with
     * neither is anonymous: observe mode never opens an endpoint or a bean to it.
     *
     * @param principal the container's principal, or null
     * @param state     the request's state, or null
     */
    public static boolean knownCaller(java.security.Principal principal, RequestState state) {
        return principal != null || state != null && state.has(dev.bulwark.internal.auth.TokenGate.VERIFIED);
    }

    /** The request's observations so far, or an empty list. */
    public static List<Observation> of(RequestState state) {
        Observations observations = state == null ? null : state.get(KEY);
        return observations == null ? List.of() : observations.all();
    }

    /**
     * Records what an observed step would have refused, unless its control already recorded one for this request.
     *
     * @param kind the refusal's kind ({@link dev.bulwark.internal.errors.ProblemKind#label()}, {@code forbidden})
     */
    public static void record(RequestState state, Phase phase, String kind, String reason) {
        ObservedControl control = ObservedControl.of(phase);
        if (state == null || control == null) {
            return;
        }
        Observations observations;
        synchronized (state) {
            observations = state.get(KEY);
            if (observations == null) {
                observations = new Observations();
                state.put(KEY, observations);
            }
        }
        observations.add(new Observation(control.label(), phase.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                kind, reason));
    }

    private synchronized void add(Observation observation) {
        for (Observation o : list) {
            if (o.control().equals(observation.control())) {
                return;
            }
        }
        list.add(observation);
    }

    private synchronized List<Observation> all() {
        return List.copyOf(list);
    }
}
