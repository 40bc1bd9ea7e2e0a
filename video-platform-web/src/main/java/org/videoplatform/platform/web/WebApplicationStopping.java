package org.videoplatform.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Tells work that outlives its request when the web application stops. The server's scheduler
 * outlives the deployment, and a task it runs for one, such as a stream of cuts ticking, would call
 * into stopped components. The web application stops before the components it calls.
 */
@WebListener
public class WebApplicationStopping implements ServletContextListener {

    private static final String ATTRIBUTE = WebApplicationStopping.class.getName();

    private final AtomicBoolean stopping = new AtomicBoolean();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(ATTRIBUTE, (BooleanSupplier) stopping::get);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        stopping.set(true);
    }

    /** Read while a request runs; the answer may then be asked at any time, after the application stopped too. */
    public static BooleanSupplier of(ServletContext application) {
        return (BooleanSupplier) application.getAttribute(ATTRIBUTE);
    }
}
