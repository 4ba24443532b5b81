package io.rapport.scheduling.interviews;

public enum VideoPlatform {
    ZOOM, TEAMS, MEET, OTHER
}
