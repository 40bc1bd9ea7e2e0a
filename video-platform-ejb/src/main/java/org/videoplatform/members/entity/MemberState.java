package org.videoplatform.members.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a vetted member may use the platform. Suspension is meant to be temporary; revocation
 * is not, though the lead may vet the person again at a later workshop (with a warning).
 */
public enum MemberState {
    ACTIVE,
    SUSPENDED,
    REVOKED;

    public Set<MemberState> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, REVOKED);
            case SUSPENDED -> EnumSet.of(ACTIVE, REVOKED);
            case REVOKED -> EnumSet.of(ACTIVE);
        };
    }
}
