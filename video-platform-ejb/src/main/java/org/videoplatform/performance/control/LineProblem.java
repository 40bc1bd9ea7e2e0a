package org.videoplatform.performance.control;

/** A line of an import that was not kept, and why, in words a lead can act on. */
public record LineProblem(long line, String reason) {
}
