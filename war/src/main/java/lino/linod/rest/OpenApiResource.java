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

    @jakarta.inject.Inject
    lino.linod.procedure.ProcedureRegistry registry;

    /**
     * The document as shipped, with a schema for each typed procedure's parameters added to its components
     * ({@code NAMEParameters}, the same JSON schema as {@code GET /procedures} answers; JSON is YAML's flow style).
     */
    @GET
    @Produces("application/yaml")
    public String document() {
        String shipped;
        try (InputStream in = OpenApiResource.class.getResourceAsStream("/lino/linod/rest/openapi.yaml")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder schemas = new StringBuilder();
        registry.procedures().values().stream().filter(lino.linod.procedure.ProcedureInfo::typed)
                .forEach(p -> schemas.append("    ").append(schemaName(p.name())).append(": ")
                        .append(Views.schema(p.parameters())).append('\n'));
        return shipped.replace("\n  schemas:\n", "\n  schemas:\n" + schemas);
    }

    /** The component name of a procedure's parameter schema: {@code make_invoices} → {@code MakeInvoicesParameters}. */
    static String schemaName(String procedure) {
        StringBuilder name = new StringBuilder();
        for (String part : procedure.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name + "Parameters";
    }
}
