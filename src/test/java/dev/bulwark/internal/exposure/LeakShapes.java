package dev.bulwark.internal.exposure;

import dev.bulwark.api.Sensitive;
import jakarta.json.bind.annotation.JsonbVisibility;
import java.util.List;

/** The shapes of the attack review's nested @Sensitive leaks (issue 14, finding 1). */
public final class LeakShapes {

    private LeakShapes() {
    }

    /** Field access overrides Bulwark's visibility: only the held-back names keep the reference in. */
    @JsonbVisibility(FieldAccount.FieldAccess.class)
    public static class FieldCard {
        private String holder = "Ada";
        private String last4 = "4242";
        @Sensitive
        private String vaultReference = "VAULT-SECRET-1";
    }

    /** A card nested in a declared field. */
    public static class Holder {
        public String name = "holder";
        public FieldCard card = new FieldCard();
    }

    /** A generic page: its items' class is known only from the objects. */
    public static class Page<T> {
        public List<T> items;
        public int total;

        public Page(List<T> items) {
            this.items = items;
            this.total = items.size();
        }
    }

    /** An envelope whose data is anything. */
    public static class Envelope {
        public String status = "ok";
        public Object data;

        public Envelope(Object data) {
            this.data = data;
        }
    }

    /** A getter marked @Sensitive, nested: an application's own JSON-B writes it. */
    public static class Login {
        public String getLogin() {
            return "ada";
        }

        @Sensitive
        public String getRecoveryPhrase() {
            return "RECOVERY-SECRET";
        }
    }

    /** The login nested in a declared field. */
    public static class LoginEnvelope {
        public String status = "ok";
        public Login data = new Login();
    }

    /** Two classes that reach each other. */
    public static class Left {
        public Right right;
        @Sensitive
        public String leftSecret = "L";
    }

    /** The other. */
    public static class Right {
        public Left left;
        @Sensitive
        public String rightSecret = "R";
    }

    /** A field declared by an abstract class: the object decides. */
    public abstract static class Shape {
        public String kind = "shape";
    }

    /** A shape with a secret. */
    public static class SecretShape extends Shape {
        @Sensitive
        public String shapeSecret = "SHAPE-SECRET";
    }

    /** Holds a shape. */
    public static class Drawing {
        public Shape shape = new SecretShape();
    }
}
