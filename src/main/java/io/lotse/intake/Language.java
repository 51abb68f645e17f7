package io.lotse.intake;

/** The languages we answer customers in. */
public enum Language {
    DE,
    EN
}
