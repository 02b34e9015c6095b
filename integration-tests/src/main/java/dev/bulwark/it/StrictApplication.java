package dev.bulwark.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * An application that lists its classes itself, which turns off provider scanning. Bulwark must still apply
 * (it registers itself through Jakarta REST service loading, not scanning).
 */
@ApplicationPath("/strict")
public class StrictApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StrictResource.class);
    }
}
