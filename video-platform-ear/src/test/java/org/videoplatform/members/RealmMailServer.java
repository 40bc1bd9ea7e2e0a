package org.videoplatform.members;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** The mail server (GreenMail) the test realm sends to, on the port the build gives it. */
public final class RealmMailServer {

    private RealmMailServer() {
    }

    /** Started afresh for each test, so each counts only the mail it caused. */
    public static GreenMailExtension forEachTest() {
        return new GreenMailExtension(new ServerSetup(Integer.getInteger("vp.it.smtp-port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
