package dev.vigil.bastion.recording;

/**
 * A finished recording: the asciicast v2 file (output and resizes) gzip-compressed, the SHA-256 of the uncompressed file
 * (what a downloader can check), the operator's input as a separate gzip'd asciicast of {@code i} events (lines typed
 * while the terminal did not echo are masked), and whether the size cap cut the recording short.
 */
public record Recording(byte[] castGzip, String sha256, long castBytes, byte[] inputGzip, boolean truncated) {
}
