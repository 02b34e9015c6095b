package dev.bulwark.it;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.api.Sensitive;
import java.util.List;

/**
 * The shapes of the attack review's nested @Sensitive leaks (ExposureIT, ShopShapesResource): a field-access card
 * nested in a holder, in a generic page returned as Object, a @Sensitive getter nested in an envelope that the
 * application's own JSON-B writes.
 */
public final class ShopShapes {

    private ShopShapes() {
    }

    /** A card nested in a declared field. */
    public static class Holder {
        public String name = "holder";
        public ShopCard card;

        public Holder(ShopCard card) {
            this.card = card;
        }
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

    /** A login with a @Sensitive getter. */
    public static class Login {
        public String getLogin() {
            return "ada";
        }

        @Sensitive
        public String getRecoveryPhrase() {
            return "RECOVERY-SECRET";
        }
    }

    /** The login nested in an envelope. */
    public static class Envelope {
        public String status = "ok";
        public Login data = new Login();
    }

    /** Plain data, nothing sensitive: only an allow-list keeps its region in. */
    public static class Plain {
        public String name = "n";
        public String region = "REGION-SHAPES";
    }

    /** A note whose toString() would print every component. */
    public record Note(String name, @Sensitive String internalNote) {
    }

    /** A DTO declaring its own views, returned in a Response: admins see the e-mail, everyone the name. */
    @ResponseFields(value = "name", anonymous = true)
    @ResponseFields(value = {"name", "email"}, roles = "admin")
    public static class Badge {
        public String name = "Ada";
        public String email = "ada@example.com";
        public String internalNote = "NOTE-SHAPES-BADGE";
    }
}
