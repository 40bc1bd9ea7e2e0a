package org.videoplatform;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR the build just packaged, deployed as it is, optionally with test classes in its WAR. */
public final class PlatformEar {

    public static final String WAR = "video-platform-web.war";

    private PlatformEar() {
    }

    public static EnterpriseArchive asBuilt() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("vp.it.ear")));
    }

    /** The EAR with one test package added to its WAR, which sees the EJB module. */
    public static EnterpriseArchive withTestPackage(Package testPackage) {
        EnterpriseArchive ear = asBuilt();
        ear.getAsType(WebArchive.class, WAR).addPackage(testPackage);
        return ear;
    }
}
