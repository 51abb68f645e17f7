package io.lotse.intake;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses German or English from the share of each language's stop words. Answers {@link Language#DE}
 * only when German evidence outweighs English; a tie, including text with no signal at all, is
 * {@link Language#EN}, the language every customer can be expected to read.
 */
public final class LanguageGuess {

    // Words that exist in both languages with different meanings ("an", "in", "was", "also", "will", "so",
    // "die", "man") are left out of both lists: they would count for both and decide nothing.
    private static final Set<String> GERMAN = Set.of(
            "der", "das", "und", "ist", "nicht", "ich", "sie", "es", "ein", "eine", "einen", "mit", "auf", "für",
            "von", "zu", "den", "dem", "des", "im", "wir", "ihr", "ihre", "ihnen", "bei", "auch", "noch", "wird",
            "sind", "haben", "hat", "kann", "können", "bitte", "danke", "seit", "unser", "unsere", "mein",
            "meine", "wie", "aber", "oder", "wenn", "dass", "schon", "keine", "kein", "mehr", "ja", "nein", "nur",
            "geht", "gibt", "funktioniert", "mir", "mich", "uns", "euch", "euer", "eure", "sehr", "geehrte",
            "geehrter", "damen", "herren", "hallo", "grüße", "gruß", "viele", "freundlichen", "leider", "jetzt",
            "heute", "wieder", "seite", "warum", "wann", "nach", "über", "durch", "immer", "habe", "bin", "wurde",
            "sich", "diese", "dieser", "werden");
    private static final Set<String> ENGLISH = Set.of(
            "the", "and", "is", "are", "not", "you", "it", "a", "with", "on", "for", "of", "to", "we", "our", "my",
            "your", "be", "this", "that", "have", "has", "can", "please", "thanks", "thank", "since", "but", "or",
            "if", "no", "yes", "only", "does", "doesn't", "don't", "can't", "isn't", "what", "how", "working",
            "down", "me", "us", "they", "there", "from", "at", "by", "again", "still", "just", "any", "hello",
            "dear", "regards", "best", "kind", "sincerely", "site", "website", "why", "when", "after", "would",
            "could", "should", "been", "were", "do", "i", "i'm", "it's", "am", "get", "all", "now", "today");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Pattern GERMAN_LETTERS = Pattern.compile("[äöüß]");

    private LanguageGuess() {
    }

    public static Language guess(String text) {
        int german = 0;
        int english = 0;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (words.find()) {
            String word = words.group();
            if (GERMAN.contains(word)) {
                german++;
            } else if (ENGLISH.contains(word)) {
                english++;
            } else if (GERMAN_LETTERS.matcher(word).find()) {
                german++; // "Störung", "Grüße": umlauts hardly occur in English support mail
            }
        }
        return german > english ? Language.DE : Language.EN;
    }
}
