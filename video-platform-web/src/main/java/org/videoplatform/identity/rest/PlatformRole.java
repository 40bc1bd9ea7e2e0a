package org.videoplatform.identity.rest;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** The realm roles the platform acts on; any other role a token carries means nothing here. */
public enum PlatformRole {
    PRODUCER("producer"),
    VIDEO_LEAD("video-lead"),
    ADMIN("admin");

    private final String roleName;

    PlatformRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static List<String> heldBy(Predicate<String> isInRole) {
        return Arrays.stream(values()).map(PlatformRole::roleName).filter(isInRole).toList();
    }
}
