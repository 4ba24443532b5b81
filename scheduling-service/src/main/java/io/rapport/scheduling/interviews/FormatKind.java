package io.rapport.scheduling.interviews;

public enum FormatKind {
    IN_PERSON, PHONE, VIDEO
}
