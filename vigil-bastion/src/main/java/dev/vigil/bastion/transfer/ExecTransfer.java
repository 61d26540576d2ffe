package dev.vigil.bastion.transfer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an exec command is as far as file transfer goes. Clients move files over exec channels in two ways the gateway
 * recognises: legacy SCP ({@code scp -O} runs {@code scp -t PATH} or {@code scp -f PATH} on the server) and an SFTP
 * server started by path ({@code sftp -s /usr/lib/openssh/sftp-server}). Everything else is a plain command.
 */
public sealed interface ExecTransfer {

    /** A plain command: the exec channel and the command policy decide. */
    record Plain() implements ExecTransfer {
    }

    /**
     * {@code scp -t} (upload) or {@code scp -f} (download) of {@code path}; {@code intoDirectory} when the command says
     * the upload's destination is a directory ({@code -d}, {@code -r}, or a path ending in {@code /}).
     */
    record Scp(FileOperation operation, String path, boolean intoDirectory) implements ExecTransfer {
    }

    /** An SFTP server program: served by the target's SFTP subsystem through the audited SFTP relay, never run by path. */
    record SftpServer() implements ExecTransfer {
    }

    /** A transfer command the gateway will not relay, with the reason for the operator. */
    record Refused(String reason) implements ExecTransfer {
    }

    Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._+,@%:=~-]+");
    Pattern SAFE_PATTERN = Pattern.compile("[A-Za-z0-9/._+,@%:=~*?\\[\\]-]+");
    List<String> SCP_FLAGS = List.of("-v", "-r", "-p", "-d", "-q");

    static ExecTransfer classify(String command) {
        List<String> words = List.of(command.strip().split("[ \t]+"));
        String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
        if (program.equals("sftp-server")) {
            return new SftpServer();
        }
        if (!program.equals("scp") || !(words.contains("-t") || words.contains("-f"))) {
            return new Plain();
        }
        boolean upload = words.contains("-t");
        if (upload && words.contains("-f")) {
            return new Refused("legacy scp with both -t and -f is refused");
        }
        boolean intoDirectory = false;
        String path = null;
        boolean endOfOptions = false;
        for (String word : words.subList(1, words.size())) {
            if (!endOfOptions && word.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && (word.equals("-t") || word.equals("-f"))) {
                continue;
            } else if (!endOfOptions && SCP_FLAGS.contains(word)) {
                intoDirectory |= word.equals("-d") || word.equals("-r");
            } else if (path == null && (endOfOptions || !word.startsWith("-"))) {
                path = word;
                if (!(upload ? SAFE_PATH : SAFE_PATTERN).matcher(path).matches()) {
                    return new Refused("legacy scp (scp -O) of '" + path + "' is refused: the target's shell would interpret it; "
                            + "use plain paths (letters, digits and / . _ + , @ % : = ~ -" + (upload ? "" : ", globs * ? [ ]")
                            + ") or sftp / scp without -O");
                }
            } else {
                return new Refused("legacy scp (scp -O): '" + word + "' is not an option or path the gateway relays; "
                        + "plain paths and the options -r -p -d -v -q only");
            }
        }
        if (path == null) {
            return new Refused("legacy scp (scp -O) without a path is refused");
        }
        return new Scp(upload ? FileOperation.UPLOAD : FileOperation.DOWNLOAD, path, intoDirectory || upload && path.endsWith("/"));
    }
}
