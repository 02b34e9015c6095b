package dev.bulwark.internal.contract.jaxrs;

import dev.bulwark.internal.contract.Contract;
import dev.bulwark.internal.contract.OperationCheck;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import java.util.function.Supplier;

/**
 * The OpenAPI check of a resource method the application's document describes, as a JAX-RS filter at
 * {@link Phase#OPENAPI}; nothing for other methods, or when validation is off (no contract).
 */
public final class ContractBinding implements Binding {

    private final Supplier<Contract> contract;

    /** @param contract the deployment's compiled document (null when validation is off), looked up when binding */
    public ContractBinding(Supplier<Contract> contract) {
        this.contract = contract;
    }

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
        Contract compiled = policy == null ? null : contract.get();
        OperationCheck check = compiled == null ? null : compiled.operation(policy.site());
        if (check != null) {
            registrar.register(new ContractFilter(check), Phase.OPENAPI);
        }
    }
}
