package dev.bulwark.internal.contract;

import dev.bulwark.internal.pipeline.EndpointSite;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * The application's OpenAPI document compiled against its endpoint model, once, at deployment: the check of each
 * resource method the document describes, and the resource methods it does not describe.
 *
 * @param document     the class-path resource the document was read from
 * @param operations   the check of each documented resource method
 * @param undocumented the resource methods ({@code GET /api/x}) the document does not describe
 */
public record Contract(String document, Map<Key, OperationCheck> operations, List<String> undocumented) {

    /** A resource method as the runtime sees it. */
    public record Key(Class<?> type, Method method) {
    }

    public Contract {
        operations = Map.copyOf(operations);
        undocumented = List.copyOf(undocumented);
    }

    /** The check of a resource method, or null when the document does not describe it. */
    public OperationCheck operation(EndpointSite site) {
        return operations.get(new Key(site.type(), site.method()));
    }
}
