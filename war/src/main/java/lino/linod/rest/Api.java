package lino.linod.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** linod's JAX-RS application. */
@ApplicationPath("api")
public class Api extends Application {

    /** Jersey (Payara) would serve {@code application.wadl}, a second, unchecked description of the API. */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
