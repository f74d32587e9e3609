package lino.linod.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /api/openapi.yaml}: the API described in OpenAPI 3, served by the application itself so that it works
 * on every server (MicroProfile OpenAPI is not everywhere). {@code OpenApiDocumentTest} keeps it in step with the
 * resource classes.
 */
@Path("openapi.yaml")
@RequestScoped
public class OpenApiResource {

    @GET
    @Produces("application/yaml")
    public String document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("/lino/linod/rest/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
