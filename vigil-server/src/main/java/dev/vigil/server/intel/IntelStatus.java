package dev.vigil.server.intel;

/** The live matcher: how many indicators it holds, and how many times it was rebuilt since the start. */
public record IntelStatus(int liveIndicators, long generation) {
}
