package dev.bulwark.internal.validation;

import dev.bulwark.internal.errors.Problem;
import java.util.List;

/** A JSON Schema for request bodies, compiled once at deployment. */
public interface BodySchema {

    /** The violations of a (structurally checked, bounded) JSON document; empty when it is valid. */
    List<Problem.FieldError> check(byte[] json);

    /** The class-path location it was loaded from, for the inventory. */
    String location();

    /**
     * Loads a schema from the class path. Fails with a message for the deployment when the validator library is
     * missing, the resource does not exist or is not a valid schema.
     */
    static BodySchema load(ClassLoader loader, String location) {
        try {
            Class.forName("com.networknt.schema.SchemaRegistry", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("@JsonSchema needs com.networknt:json-schema-validator in the application");
        }
        return new NetworkntBodySchema(loader, location);
    }
}
