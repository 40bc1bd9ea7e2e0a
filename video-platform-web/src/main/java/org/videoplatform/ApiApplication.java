package org.videoplatform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under {@code /api}; the browser UI is served from the WAR's root. */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
