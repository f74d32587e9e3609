package lino.linod.it;

import java.net.URI;

/** A running linod that black-box tests talk to over HTTP: Payara Micro with the WAR, or a full server with the EAR. */
public interface LinodServer extends AutoCloseable {

    /** {@code http://localhost:PORT/linod/}. */
    URI base();

    /** The server's last lines of output, for failure messages. */
    String tail();

    @Override
    void close() throws InterruptedException;
}
