package lino.linod.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** linod's JAX-RS application. */
@ApplicationPath("api")
public class Api extends Application {
}
