package lino.linod.admin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lino.linod.daemon.Notices;

/**
 * The pages' push: a WebSocket at {@code /push} on which the server says "changed" when a task changed or a run
 * ended (on this node or, through PostgreSQL, on another), and the page then re-renders its live part. A plain
 * endpoint rather than Faces' {@code f:websocket}, which renders an inline script that the pages'
 * Content-Security-Policy forbids. The upgrade request is a page request: only a signed-in user gets a socket
 * (the security constraint of {@code /push} and the check here). The messages carry nothing but the word.
 */
@ServerEndpoint("/push")
public class PushEndpoint {

    private static final Set<Session> OPEN = ConcurrentHashMap.newKeySet();
    private static final Runnable TELL = PushEndpoint::tellAll;
    private static volatile Notices notices;

    @OnOpen
    public void open(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Sign in first."));
            return;
        }
        OPEN.add(session);
        Notices n = notices;
        if (n == null) {
            n = CDI.current().select(Notices.class).get();
            n.listen(TELL);
            notices = n;
        }
    }

    @OnClose
    public void close(Session session) {
        OPEN.remove(session);
    }

    @OnError
    public void error(Session session, Throwable problem) {
        OPEN.remove(session);
    }

    private static void tellAll() {
        for (Session session : OPEN) {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText("changed");
            } else {
                OPEN.remove(session);
            }
        }
    }
}
