package org.videoplatform.members.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.videoplatform.members.entity.RosterStatus;

/**
 * Reads a membership roster exported from whatever the organisation keeps it in: UTF-8 with or
 * without a byte-order mark, Windows or Unix line endings, quoted fields holding commas and line
 * breaks, columns in any order found by their header, blank lines and repeated rows. A row that
 * cannot be used is reported with its line and the reason; the others are kept.
 */
public final class RosterCsv {

    /** The roster's columns and the header names exports use for them. */
    enum Column {
        MEMBERSHIP_NUMBER(true, "membershipnumber", "number", "membershipno", "membernumber", "memberno", "membershipid", "memberid"),
        FULL_NAME(true, "fullname", "name", "membername"),
        EMAIL(false, "email", "emailaddress", "mail"),
        POSTCODE(false, "postcode", "postalcode", "zip", "zipcode"),
        STATUS(true, "status", "membershipstatus");

        final boolean required;
        final Set<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = Set.of(headers);
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private RosterCsv() {
    }

    public static ParsedRoster parse(byte[] file) {
        String text = decode(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LineIndex lines = new LineIndex(text);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new RosterFileRejected("The file is empty: it needs a header line and one line per member.");
            }
            Map<Column, Integer> positions = columns(records.next());
            List<RosterRow> rows = new ArrayList<>();
            List<RosterLineProblem> problems = new ArrayList<>();
            Map<String, RosterRow> byNumber = new HashMap<>();
            int duplicates = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = lines.lineOfRecordAt(record.getCharacterPosition());
                if (isBlank(record)) {
                    continue;
                }
                RowOrProblem read = read(record, positions, line);
                if (read.problem() != null) {
                    problems.add(read.problem());
                    continue;
                }
                RosterRow row = read.row();
                RosterRow earlier = byNumber.get(row.membershipNumber());
                if (earlier == null) {
                    byNumber.put(row.membershipNumber(), row);
                    rows.add(row);
                } else if (earlier.sameMemberAs(row)) {
                    duplicates++;
                } else {
                    problems.add(new RosterLineProblem(line, "membership number " + row.membershipNumber()
                            + " was already given on line " + earlier.line() + " with other details; line " + earlier.line() + " was kept"));
                }
            }
            return new ParsedRoster(rows, problems, duplicates, positions.containsKey(Column.EMAIL),
                    positions.containsKey(Column.POSTCODE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // commons-csv reports a stray quote this way; its own message names the line, its class name means nothing to an admin.
            throw new RosterFileRejected("The file is not valid CSV: " + e.getCause().getMessage());
        } catch (IllegalStateException e) {
            // commons-csv reports a quote that never closes this way.
            throw new RosterFileRejected("The file is not valid CSV: " + e.getMessage());
        }
    }

    private static String decode(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RosterFileRejected("The file is not UTF-8 text. Export it as \"CSV UTF-8\" and try again.");
        }
    }

    private static Map<Column, Integer> columns(CSVRecord header) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            for (Column column : Column.values()) {
                if (column.headers.contains(name)) {
                    positions.putIfAbsent(column, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required && !positions.containsKey(column)) {
                missing.add(column.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new RosterFileRejected("The header line has no column for " + String.join(", ", missing)
                    + ". Found: " + String.join(", ", header.toList()) + ".");
        }
        return positions;
    }

    private record RowOrProblem(RosterRow row, RosterLineProblem problem) {
    }

    private static RowOrProblem read(CSVRecord record, Map<Column, Integer> positions, int line) {
        String number = value(record, positions, Column.MEMBERSHIP_NUMBER).map(n -> n.toUpperCase(Locale.ROOT)).orElse(null);
        String name = value(record, positions, Column.FULL_NAME).orElse(null);
        String email = value(record, positions, Column.EMAIL).map(e -> e.toLowerCase(Locale.ROOT)).orElse(null);
        String postcode = value(record, positions, Column.POSTCODE).map(p -> p.toUpperCase(Locale.ROOT)).orElse(null);
        Optional<String> statusLabel = value(record, positions, Column.STATUS);
        Optional<RosterStatus> status = statusLabel.flatMap(RosterStatus::fromLabel);

        String reason = null;
        if (record.stream().anyMatch(cell -> cell.indexOf('\0') >= 0)) {
            reason = "a cell holds the NUL character, which the roster cannot store: was the file saved as CSV?";
        } else if (number == null) {
            reason = "the membership number is missing";
        } else if (name == null) {
            reason = "the full name is missing";
        } else if (email != null && !EMAIL.matcher(email).matches()) {
            reason = "\"" + email + "\" is not an email address";
        } else if (statusLabel.isEmpty()) {
            reason = "the status is missing";
        } else if (status.isEmpty()) {
            reason = "the status \"" + statusLabel.get() + "\" is not one of " + RosterStatus.labels();
        }
        return reason != null
                ? new RowOrProblem(null, new RosterLineProblem(line, reason))
                : new RowOrProblem(new RosterRow(line, number, name, email, postcode, status.get()), null);
    }

    /** A field's value with runs of white space (line breaks included) made single spaces; empty is absent. */
    private static Optional<String> value(CSVRecord record, Map<Column, Integer> positions, Column column) {
        Integer position = positions.get(column);
        if (position == null || position >= record.size()) {
            return Optional.empty();
        }
        String value = SPACES.matcher(record.get(position)).replaceAll(" ").strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** Line numbers as a text editor shows them, for records that may span several lines. */
    private static final class LineIndex {

        private final String text;
        private final int[] lineStarts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * commons-csv gives where it began reading a record, before the empty lines it skipped to
         * reach it: the record's own line is the first after them.
         */
        int lineOfRecordAt(long characterPosition) {
            int start = (int) characterPosition;
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            int index = java.util.Arrays.binarySearch(lineStarts, start);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
