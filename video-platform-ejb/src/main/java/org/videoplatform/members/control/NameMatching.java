package org.videoplatform.members.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether two ways of writing a name are the same person's name as a lead would judge it at the
 * door: case, accents, punctuation and spacing do not matter, names may be given in another
 * order, a first name may be an initial, a middle name may be left out, and one name may carry
 * one slip of the pen (a letter missing, added, swapped or wrong).
 */
public final class NameMatching {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Letters with a stroke, which Unicode does not decompose into a letter and a mark; the database's search_fold folds them too. */
    private static final Map<Character, Character> STROKED = Map.of('ł', 'l', 'đ', 'd', 'ø', 'o', 'ı', 'i');

    private NameMatching() {
    }

    /** Lower case, accents removed, anything but letters and digits turned into single spaces. */
    public static String fold(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD);
        StringBuilder plain = new StringBuilder(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT));
        for (int i = 0; i < plain.length(); i++) {
            plain.setCharAt(i, STROKED.getOrDefault(plain.charAt(i), plain.charAt(i)));
        }
        return NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").strip();
    }

    public static List<String> tokens(String name) {
        String folded = fold(name);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    public static boolean sameName(String a, String b) {
        List<String> first = tokens(a);
        List<String> second = tokens(b);
        if (first.isEmpty() || second.isEmpty()) {
            return false;
        }
        List<String> shorter = first.size() <= second.size() ? first : second;
        List<String> longer = shorter == first ? second : first;
        // One left-out middle name at most, and more than an initial must agree.
        if (longer.size() - shorter.size() > 1 || shorter.stream().allMatch(t -> t.length() == 1)) {
            return false;
        }
        return pairs(shorter, 0, longer, new boolean[longer.size()], 1);
    }

    /** Pairs every token of the shorter name with a distinct token of the longer, in any order. */
    private static boolean pairs(List<String> shorter, int next, List<String> longer, boolean[] used, int slipsLeft) {
        if (next == shorter.size()) {
            return true;
        }
        String token = shorter.get(next);
        for (int i = 0; i < longer.size(); i++) {
            if (used[i]) {
                continue;
            }
            String candidate = longer.get(i);
            boolean slip = false;
            if (!token.equals(candidate) && !initialOf(token, candidate) && !initialOf(candidate, token)) {
                if (slipsLeft == 0 || Math.min(token.length(), candidate.length()) < 4 || !oneSlipApart(token, candidate)) {
                    continue;
                }
                slip = true;
            }
            used[i] = true;
            if (pairs(shorter, next + 1, longer, used, slip ? slipsLeft - 1 : slipsLeft)) {
                return true;
            }
            used[i] = false;
        }
        return false;
    }

    private static boolean initialOf(String initial, String name) {
        return initial.length() == 1 && name.startsWith(initial);
    }

    /** One insertion, deletion, substitution or swap of neighbouring letters (Damerau). */
    static boolean oneSlipApart(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() == b.length()) {
            List<Integer> differences = new ArrayList<>();
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    differences.add(i);
                }
            }
            if (differences.size() == 1) {
                return true;
            }
            if (differences.size() == 2 && differences.get(1) == differences.get(0) + 1) {
                int i = differences.get(0);
                return a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i);
            }
            return false;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        for (int i = 0; i < longer.length(); i++) {
            if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tokens worth searching the roster by: initials find too much. A name of short words only
     * (Li Na, Wu Ye) is searched by its two-letter words, which the roster look-up takes as whole words.
     */
    public static List<String> searchTokens(String name) {
        List<String> words = tokens(name).stream().filter(t -> t.length() >= 2).distinct().toList();
        List<String> longer = words.stream().filter(t -> t.length() >= 3).toList();
        return longer.isEmpty() ? words : longer;
    }

    /** Whether two postcodes are one: people write them with and without spaces, rosters store either. */
    public static boolean samePostcode(String given, String onRoster) {
        String a = postcodeLetters(given);
        return !a.isEmpty() && a.equals(postcodeLetters(onRoster));
    }

    private static String postcodeLetters(String postcode) {
        return postcode == null ? "" : postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
