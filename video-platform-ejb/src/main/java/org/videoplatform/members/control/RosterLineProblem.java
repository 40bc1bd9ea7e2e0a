package org.videoplatform.members.control;

/** A line of a roster file that was not imported, and why, in words an admin can act on. */
public record RosterLineProblem(int line, String reason) {
}
