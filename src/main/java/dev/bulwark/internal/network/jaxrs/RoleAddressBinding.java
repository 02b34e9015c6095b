package dev.bulwark.internal.network.jaxrs;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.network.AddressRules;
import dev.bulwark.internal.network.RoleAddresses;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.transport.TransportAttributes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The address rules of a resource method's roles as a JAX-RS filter at {@link Phase#ROLE_ADDRESSES}. */
public final class RoleAddressBinding implements Binding {

    private final Supplier<AddressRules> rules;

    /** @param rules the deployment's address rules (the ones that reload), looked up on first use */
    public RoleAddressBinding(Supplier<AddressRules> rules) {
        this.rules = rules;
    }

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
        RoleAddresses part = policy.get(RoleAddresses.class);
        if (part != null) {
            registrar.register(new Check(part.roles(), rules), Phase.ROLE_ADDRESSES);
        }
    }

    /** Refuses a call whose client address a rule of the endpoint's roles refuses: 403, the address never echoed. */
    static final class Check implements ContainerRequestFilter {
        private final Set<String> roles;
        private final Supplier<AddressRules> rules;

        Check(Set<String> roles, Supplier<AddressRules> rules) {
            this.roles = roles;
            this.rules = rules;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            RequestState state = RequestState.from(context::getProperty);
            String address = state == null ? null : state.get(TransportAttributes.RULE_ADDRESS);
            String refused = rules.get().roleRefusal(address, roles);
            if (refused != null) {
                throw new ProblemException(Phase.ROLE_ADDRESSES, ProblemKind.FORBIDDEN, List.of(), refused, Map.of());
            }
        }
    }
}
