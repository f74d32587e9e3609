package lino.linod.rest;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import lino.linod.recurrence.InvalidRecurrenceException;
import lino.linod.task.InvalidInputException;
import lino.linod.task.StaleRevisionException;
import lino.linod.task.TooManyTasksException;

/** Turns every exception into a problem body, so that no client sees a stack trace or an HTML error page. */
final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger("lino.linod.rest");

    private ProblemMappers() {
    }

    @Provider
    public static class Invalid implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return Problem.response(400, "Invalid input", e.getMessage(), e.violations());
        }
    }

    @Provider
    public static class InvalidRecurrence implements ExceptionMapper<InvalidRecurrenceException> {
        @Override
        public Response toResponse(InvalidRecurrenceException e) {
            return Problem.response(400, "Invalid input", e.getMessage(), e.violations());
        }
    }

    /** A stale revision in the body is 409; a failed If-Match is 412 (RFC 9110). */
    @Provider
    public static class Stale implements ExceptionMapper<StaleRevisionException> {
        @Override
        public Response toResponse(StaleRevisionException e) {
            return e.precondition() ? Problem.response(412, "Precondition Failed", e.getMessage())
                    : Problem.response(409, "Conflict", e.getMessage());
        }
    }

    /** The site holds {@code max_tasks} tasks: the request is fine, the state of the site refuses it. */
    @Provider
    public static class TooManyTasks implements ExceptionMapper<TooManyTasksException> {
        @Override
        public Response toResponse(TooManyTasksException e) {
            return Problem.response(409, "Conflict", e.getMessage());
        }
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return Problem.response(400, "Malformed JSON", "The request body is not valid JSON.");
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response given = e.getResponse();
            if (given.hasEntity() && Problem.MEDIA_TYPE.equals(String.valueOf(given.getMediaType()))) {
                return given;
            }
            int status = given.getStatus();
            return Problem.response(status, Problem.title(status), status == 404 ? "No such resource." : null);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException) {
                return Problem.response(409, "Conflict", "The task is being changed by somebody else; try again.");
            }
            LOG.log(Level.SEVERE, "Unexpected error in the API", e);
            return Problem.response(500, "Internal Server Error", "See the server log.");
        }
    }
}
