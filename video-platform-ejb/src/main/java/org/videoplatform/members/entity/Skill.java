package org.videoplatform.members.entity;

/** What a member can bring to a production. */
public enum Skill {
    CAMERA,
    EDITING,
    ANIMATION,
    MOTION_GRAPHICS,
    SOUND,
    WRITING,
    ACTING
}
