package io.lotse.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void germanMailIsGerman() {
        assertEquals(Language.DE, LanguageGuess.guess("Hallo, unser Shop ist seit 14:50 nicht erreichbar. Bitte um Rückmeldung."));
    }

    @Test
    void englishMailIsEnglish() {
        assertEquals(Language.EN, LanguageGuess.guess("Hi, our shop has been down since 2:50 pm. Please get back to us."));
    }

    @Test
    void textWithoutSignalIsEnglish() {
        assertEquals(Language.EN, LanguageGuess.guess(""));
        assertEquals(Language.EN, LanguageGuess.guess("Shop 502 ?!"));
    }

    @Test
    void umlautsCountAsGermanEvidence() {
        assertEquals(Language.DE, LanguageGuess.guess("Störung Webshop"));
    }

    @Test
    void germanWithEnglishTechTermsIsGerman() {
        assertEquals(Language.DE, LanguageGuess.guess("Der Server gibt einen 502 Bad Gateway, das Deployment ist nicht durchgelaufen."));
    }

    @Test
    void tieIsEnglish() {
        assertEquals(Language.EN, LanguageGuess.guess("und the"));
    }
}
