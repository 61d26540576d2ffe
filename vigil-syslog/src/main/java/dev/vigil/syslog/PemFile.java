package dev.vigil.syslog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The blocks of a PEM file (RFC 7468): each a label such as CERTIFICATE and the DER bytes its base64 encodes. */
record PemFile(Path path, List<PemFile.Block> blocks) {

    record Block(String label, byte[] der) {
    }

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    /** Reads every block; text around them is ignored, as OpenSSL does. */
    static PemFile read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IOException("cannot read PEM file " + path + ": " + e.getMessage(), e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String label = matcher.group(1);
            try {
                blocks.add(new Block(label, Base64.getMimeDecoder().decode(matcher.group(2).strip())));
            } catch (IllegalArgumentException e) {
                throw new IOException("PEM file " + path + ": the " + label + " block is not valid base64", e);
            }
        }
        if (blocks.isEmpty()) {
            throw new IOException("PEM file " + path + " holds no PEM block (-----BEGIN ...-----)");
        }
        return new PemFile(path, List.copyOf(blocks));
    }

    List<byte[]> blocksLabelled(String label) {
        return blocks.stream().filter(block -> block.label().equals(label)).map(Block::der).toList();
    }

    List<String> labels() {
        return blocks.stream().map(Block::label).toList();
    }
}
