package dev.vigil.bastion.rotation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.gateway.VaultedKeys;
import org.apache.sshd.client.session.ClientSession;

/**
 * Rotates a target account's SSH key in its {@code ~/.ssh/authorized_keys}, each step one command run as the account
 * over a login with the pinned host key: {@link #install} appends the new public key (logged in with the current
 * key; {@link #installBeside} with the options of the current key's lines), {@link #accepts} proves a fresh login with a key, {@link #remove} drops every line of one key while making sure
 * another key stays. Keys travel on standard input, never on a command line; no message carries a private key.
 */
public final class KeyRotator implements AutoCloseable {

    /** Appends the lines read from stdin (at least one), after a line end if the file lacks its last one. */
    private static final String INSTALL = """
            umask 077; d="$HOME/.ssh"; f="$d/authorized_keys"
            IFS= read -r line || exit 65
            mkdir -p "$d" || exit 1
            if [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ]; then printf '\\n' >> "$f" || exit 1; fi
            while :; do
              printf '%s\\n' "$line" >> "$f" || exit 1
              IFS= read -r line || break
            done
            """;

    /** Prints the account's authorized_keys (nothing when it has none). */
    private static final String READ = """
            f="$HOME/.ssh/authorized_keys"; [ -f "$f" ] || exit 0; cat "$f"
            """;

    /**
     * Reads the key blob to drop and the one that must stay (may be empty) from stdin, writes the file without the
     * dropped key's lines beside it, refuses (exit 67) when the kept key would be gone, and moves it into place in one
     * step; prints {@code removed=N}.
     */
    private static final String REMOVE = """
            umask 077; f="$HOME/.ssh/authorized_keys"; t="$f.vigil-new"
            IFS= read -r drop || exit 65
            IFS= read -r keep
            [ -f "$f" ] || { echo "$f does not exist" >&2; exit 66; }
            : > "$t" || exit 1
            n=$(awk -v k="$drop" -v out="$t" '{ for (i = 1; i <= NF; i++) if ($i == k) { n++; next } print > out } END { print n + 0 }' "$f") || { rm -f "$t"; exit 1; }
            if [ -n "$keep" ] && ! awk -v k="$keep" '{ for (i = 1; i <= NF; i++) if ($i == k) f = 1 } END { exit !f }' "$t"; then
              rm -f "$t"; echo "the key to keep is not in $f" >&2; exit 67
            fi
            mv -f "$t" "$f" || { rm -f "$t"; exit 1; }
            echo "removed=$n"
            """;
    private static final Pattern REMOVED = Pattern.compile("removed=(\\d+)");

    private final TargetLogins logins;

    public KeyRotator(Duration timeout) {
        this.logins = new TargetLogins(timeout);
    }

    /** Appends {@code publicLine} to the account's authorized_keys, logged in with {@code current}. */
    public void install(RotationTarget target, String account, UpstreamCredential current, String publicLine) throws RotationException {
        if (publicLine.contains("\n") || publicLine.contains("\r")) {
            throw new IllegalArgumentException("one public key line expected");
        }
        run(target, account, current, INSTALL, publicLine + "\n", "installing the new key");
    }

    /**
     * Appends {@code publicLine} to the account's authorized_keys with the options of each line that authorises the
     * key with blob {@code currentBlob} (one new line per distinct option field; a plain line when no line names that
     * key), logged in with {@code current}; returns the option field of each line appended (empty string: none).
     */
    public List<String> installBeside(RotationTarget target, String account, UpstreamCredential current, String currentBlob,
            String publicLine) throws RotationException {
        if (publicLine.contains("\n") || publicLine.contains("\r")) {
            throw new IllegalArgumentException("one public key line expected");
        }
        List<String> options = AuthorizedKeyOptions.of(run(target, account, current, READ, "", "reading the current key's options"),
                currentBlob);
        List<String> used = options.isEmpty() ? List.of("") : options;
        List<String> lines = used.stream().map(o -> AuthorizedKeyOptions.line(o, publicLine)).toList();
        run(target, account, current, INSTALL, String.join("\n", lines) + "\n", "installing the new key");
        return used;
    }

    /**
     * Removes every authorized_keys line of the key with blob {@code dropBlob}, unless {@code keepBlob} (null: none)
     * would not remain; returns how many lines went.
     */
    public int remove(RotationTarget target, String account, UpstreamCredential loginWith, String dropBlob, String keepBlob)
            throws RotationException {
        String output = run(target, account, loginWith, REMOVE, dropBlob + "\n" + (keepBlob == null ? "" : keepBlob) + "\n",
                "removing the old key");
        Matcher removed = REMOVED.matcher(output);
        if (!removed.find()) {
            throw new RotationException("removing a key on " + target.name() + " as " + account + " gave no count: "
                    + TargetLogins.lastLine(output));
        }
        return Integer.parseInt(removed.group(1));
    }

    /** Whether a fresh login with the credential works (false: refused; exception: the target could not be asked). */
    public boolean accepts(RotationTarget target, String account, UpstreamCredential credential) throws RotationException {
        return logins.accepts(target, account, credential);
    }

    /** The key blob (base64 of the public key, as in authorized_keys) of a vaulted private key. */
    public static String blobOf(UpstreamCredential.PrivateKey key) throws RotationException {
        try {
            KeyPair pair = VaultedKeys.load(null, key).iterator().next();
            return NewKeys.blobOf(OpenSshKeys.canonical(pair.getPublic()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new RotationException("the vaulted private key cannot be read: " + TargetLogins.concise(e), e);
        }
    }

    private String run(RotationTarget target, String account, UpstreamCredential credential, String script, String stdin, String step)
            throws RotationException {
        try (ClientSession session = logins.login(target, account, credential)) {
            TargetLogins.Exec result = logins.exec(session, "sh -c '" + script.replace("'", "'\\''") + "'", stdin);
            if (!result.succeeded()) {
                throw new RotationException(step + " in ~/.ssh/authorized_keys of " + account + " on " + target.name() + " failed (exit "
                        + (result.status() == null ? "unknown" : result.status()) + "): " + TargetLogins.lastLine(result.err() + result.out()));
            }
            return result.out();
        } catch (IOException e) {
            throw new RotationException(step + " on " + target.name() + " as " + account + " failed: " + TargetLogins.concise(e), e);
        }
    }

    @Override
    public void close() throws IOException {
        logins.close();
    }
}
