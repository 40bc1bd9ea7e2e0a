package org.videoplatform.members.control;

import java.util.List;

/**
 * @param rows the usable rows, one per membership number
 * @param problems the lines that were not usable
 * @param duplicateRows lines that repeated an earlier line exactly and were skipped
 */
public record ParsedRoster(List<RosterRow> rows, List<RosterLineProblem> problems, int duplicateRows) {
}
