package dev.bulwark.internal.jaxrs;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/** Hand-made violations (plain data, no validator) for the classifier's unit tests. */
final class FakeViolations {

    private FakeViolations() {
    }

    /** The resource method the fake violations point at: one un-annotated (entity) parameter. */
    static final class Resource {
        public void create(Object body) {
            // validated entity parameter
        }
    }

    static ConstraintViolationException exception(List<ConstraintViolation<?>> violations) {
        return new ConstraintViolationException(new LinkedHashSet<>(violations));
    }

    static ConstraintViolation<?> bodyProperty(String property, String message, String template) {
        return new Violation(message, template, List.of(new Node("create", ElementKind.METHOD),
                new Node("arg0", ElementKind.PARAMETER), new Node(property, ElementKind.PROPERTY)));
    }

    static ConstraintViolation<?> returnValue() {
        return new Violation("must not be null", "{x}", List.of(new Node("get", ElementKind.METHOD),
                new Node("<return value>", ElementKind.RETURN_VALUE)));
    }

    /** A node of a violation's path; a method node also tells the method's parameter types (one Object). */
    private record Node(String name, ElementKind kind)
            implements Path.Node, Path.ParameterNode, Path.MethodNode {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isInIterable() {
            return false;
        }

        @Override
        public Integer getIndex() {
            return null;
        }

        @Override
        public Object getKey() {
            return null;
        }

        @Override
        public ElementKind getKind() {
            return kind;
        }

        @Override
        public int getParameterIndex() {
            return 0;
        }

        @Override
        public List<Class<?>> getParameterTypes() {
            return List.of(Object.class);
        }

        @Override
        public <T extends Path.Node> T as(Class<T> type) {
            return type.cast(this);
        }
    }

    private record SimplePath(List<Path.Node> nodes) implements Path {
        @Override
        public Iterator<Path.Node> iterator() {
            return nodes.iterator();
        }
    }

    private record Violation(String message, String template, List<Path.Node> nodes)
            implements ConstraintViolation<Object> {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public String getMessageTemplate() {
            return template;
        }

        @Override
        public Object getRootBean() {
            return null;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<Object> getRootBeanClass() {
            return (Class) Resource.class;
        }

        @Override
        public Object getLeafBean() {
            return null;
        }

        @Override
        public Object[] getExecutableParameters() {
            return new Object[0];
        }

        @Override
        public Object getExecutableReturnValue() {
            return null;
        }

        @Override
        public Path getPropertyPath() {
            return new SimplePath(nodes);
        }

        @Override
        public Object getInvalidValue() {
            return "secret@x";
        }

        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return null;
        }

        @Override
        public <U> U unwrap(Class<U> type) {
            throw new jakarta.validation.ValidationException("not supported");
        }
    }
}
