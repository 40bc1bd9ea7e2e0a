package org.videoplatform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The test stack's platform database, for tests that plant rows as an earlier version stored them
 * or read what the API does not show.
 */
public final class PlatformDatabase {

    private PlatformDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("vp.it.db-url"), "videoplatform", "videoplatform");
    }
}
