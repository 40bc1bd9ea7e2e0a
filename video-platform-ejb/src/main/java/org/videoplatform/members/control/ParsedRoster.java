package org.videoplatform.members.control;

import java.util.List;

/**
 * @param rows the usable rows, one per membership number
 * @param problems the lines that were not usable
 * @param duplicateRows lines that repeated an earlier line exactly and were skipped
 * @param hasEmails whether the file has an email column: a file without one says nothing about emails
 * @param hasPostcodes whether the file has a postcode column
 */
public record ParsedRoster(List<RosterRow> rows, List<RosterLineProblem> problems, int duplicateRows, boolean hasEmails,
                           boolean hasPostcodes) {
}
