package dev.vigil.bastion.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.vigil.bastion.command.PendingLine;
import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.bastion.policy.CommandVerdict;
import dev.vigil.bastion.policy.Concern;
import dev.vigil.bastion.policy.PolicyMode;
import dev.vigil.bastion.policy.ScopedPolicy;
import dev.vigil.bastion.recording.SessionRecorder;

/**
 * The operator's keystrokes towards an interactive shell under a command policy. Typing is forwarded at once (so the
 * target echoes it and the gateway sees the line as the shell shows it, with completion and editing); Enter is held
 * until the echo has settled, and the line on the terminal is decided. A line that may run gets its Enter; a refused
 * one is cancelled on the target with Ctrl-C and the operator gets a notice. Lines the shell continues (open quote,
 * here-document, trailing pipe) are collected and decided as one when complete, so a here-document body is data
 * (Ctrl-C drops them, Ctrl-D, which would end a here-document unchecked, is refused; restricted mode refuses them at
 * once, since it admits no such syntax). A
 * bracketed paste with several lines is held whole and forwarded only if every line passes. A line (or paste) the
 * policy sends to review is held, Enter not sent, until an approver allows it (then it gets its Enter) or denies it or
 * the wait ends (then it is cancelled like a refused one); nothing of the operator's typing is read meanwhile.
 */
final class ShellLineGate {

    private static final byte[] PASTE_START = "\u001b[200~".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PASTE_END = "\u001b[201~".getBytes(StandardCharsets.US_ASCII);
    private static final long ECHO_WAIT_NANOS = 1_500_000_000L;
    private static final long QUIET_NANOS = 150_000_000L;
    private static final long ECHOED_QUIET_NANOS = 20_000_000L;
    private static final byte INTERRUPT = 0x03;
    private static final byte END_OF_FILE = 0x04;

    private final InputStream operatorIn;
    private final OutputStream upstreamIn;
    private final OutputStream operatorOut;
    private final SessionRecorder recorder;
    private final Supplier<ScopedPolicy> policy;
    private final Consumer<RecordedCommand> commands;
    private final LineHold hold;
    private ByteArrayOutputStream paste;
    private String carried = "";
    private long lastForward = System.nanoTime();

    ShellLineGate(InputStream operatorIn, OutputStream upstreamIn, OutputStream operatorOut, SessionRecorder recorder,
            Supplier<ScopedPolicy> policy, Consumer<RecordedCommand> commands, LineHold hold) {
        this.operatorIn = operatorIn;
        this.upstreamIn = upstreamIn;
        this.operatorOut = operatorOut;
        this.recorder = recorder;
        this.policy = policy;
        this.commands = commands;
        this.hold = hold;
    }

    /** Holds a line the policy sent to review until it is decided (see {@link CommandHold}). */
    interface LineHold {
        CommandReview await(String text, CommandVerdict verdict) throws IOException, InterruptedException;
    }

    void run() {
        byte[] buffer = new byte[32 * 1024];
        try {
            for (int n = operatorIn.read(buffer); n >= 0; n = operatorIn.read(buffer)) {
                process(buffer, n);
            }
            upstreamIn.close();
        } catch (IOException | RuntimeException e) {
            // either side closed; the output pumps end the channel
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(byte[] bytes, int length) throws IOException, InterruptedException {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (paste != null) {
                paste.write(bytes[i]);
                if (bytes[i] == '~' && endsWith(paste, PASTE_END)) {
                    finishPaste();
                    start = i + 1;
                }
                continue;
            }
            if (bytes[i] == 0x1b && startsWith(bytes, i, length, PASTE_START)) {
                forward(bytes, start, i);
                paste = new ByteArrayOutputStream();
                paste.write(bytes, i, PASTE_START.length);
                i += PASTE_START.length - 1;
                start = i + 1;
            } else if (bytes[i] == '\r' || bytes[i] == '\n') {
                forward(bytes, start, i);
                enter(bytes[i]);
                start = i + 1;
            } else if (bytes[i] == INTERRUPT) {
                carried = "";
            } else if (bytes[i] == END_OF_FILE && !carried.isEmpty()) {
                // Ctrl-D at a continuation would end a here-document and run the command unchecked
                forward(bytes, start, i);
                refuse(carried.strip(), new CommandVerdict(CommandAction.DENY, java.util.Optional.empty(),
                        java.util.List.of("end the here-document with its delimiter line: Ctrl-D would run it unchecked"),
                        policy.get().decide(carried).analysis()));
                start = i + 1;
            }
        }
        if (paste == null) {
            forward(bytes, start, length);
        }
    }

    private void enter(byte key) throws IOException, InterruptedException {
        awaitEcho();
        PendingLine pending = recorder.pendingLine();
        if (!pending.typed() && carried.isEmpty()) {
            forward(new byte[] {key}, 0, 1);
            return;
        }
        ScopedPolicy current = policy.get();
        if (pending.unechoed() && carried.isEmpty()) {
            CommandVerdict verdict = current.decideUnechoed();
            if (verdict.runs()) {
                forward(new byte[] {key}, 0, 1);
            } else {
                refuse("(typed without echo)", verdict);
            }
            return;
        }
        String text = carried + pending.text();
        CommandVerdict verdict = current.decide(text);
        boolean refusedAlready = verdict.action() == CommandAction.DENY && verdict.ruleId().isPresent()
                || current.mode() == PolicyMode.RESTRICTED;
        if (incomplete(verdict) && !refusedAlready) {
            carried = text + "\n";
            forward(new byte[] {key}, 0, 1);
            awaitLineFeed();
            return;
        }
        carried = "";
        if (verdict.action() == CommandAction.REVIEW) {
            CommandReview review = hold.await(text, verdict);
            if (!review.allowed()) {
                refuse(text, verdict, review);
                return;
            }
            tell(CommandNotice.review(review));
            forward(new byte[] {key}, 0, 1);
            commands.accept(RecordedCommand.reviewed(Instant.now(), recorder.now(), text, verdict, review));
            awaitLineFeed();
            return;
        }
        if (!verdict.runs()) {
            refuse(text, verdict);
            return;
        }
        forward(new byte[] {key}, 0, 1);
        commands.accept(RecordedCommand.of(Instant.now(), recorder.now(), text, verdict));
        awaitLineFeed();
    }

    private void finishPaste() throws IOException, InterruptedException {
        byte[] all = paste.toByteArray();
        paste = null;
        String content = new String(all, PASTE_START.length, all.length - PASTE_START.length - PASTE_END.length, StandardCharsets.UTF_8)
                .replace("\r\n", "\n").replace('\r', '\n');
        if (content.indexOf('\n') < 0) {
            forward(all, 0, all.length);
            return;
        }
        awaitEcho();
        String text = carried + recorder.pendingLine().text() + content;
        int lastBreak = text.lastIndexOf('\n');
        String complete = text.substring(0, lastBreak);
        ScopedPolicy current = policy.get();
        CommandVerdict verdict = current.decide(text.endsWith("\n") ? complete : text);
        if (incomplete(verdict)) {
            verdict = current.decide(complete);
            if (incomplete(verdict) && !(verdict.action() == CommandAction.DENY && verdict.ruleId().isPresent())) {
                verdict = new CommandVerdict(CommandAction.ALLOW, verdict.ruleId(), verdict.reasons(), verdict.analysis());
            }
        }
        CommandReview review = verdict.action() == CommandAction.REVIEW ? hold.await(text.strip(), verdict) : null;
        if (review != null ? !review.allowed() : !verdict.runs()) {
            String notice = (review == null ? CommandNotice.refusal(verdict) : CommandNotice.review(review)) + " (the paste was not sent)";
            recorder.inputWithheld(new String(all, StandardCharsets.UTF_8), notice);
            tell(notice);
            commands.accept(review == null ? RecordedCommand.of(Instant.now(), recorder.now(), text.strip(), verdict)
                    : RecordedCommand.reviewed(Instant.now(), recorder.now(), text.strip(), verdict, review));
            return;
        }
        if (review != null) {
            tell(CommandNotice.review(review));
            commands.accept(RecordedCommand.reviewed(Instant.now(), recorder.now(), text.strip(), verdict, review));
        }
        carried = text.substring(0, lastBreak + 1);
        forward(all, 0, all.length);
    }

    private void refuse(String text, CommandVerdict verdict) throws IOException {
        cancel(CommandNotice.refusal(verdict));
        commands.accept(RecordedCommand.of(Instant.now(), recorder.now(), text, verdict));
    }

    private void refuse(String text, CommandVerdict verdict, CommandReview review) throws IOException {
        cancel(CommandNotice.review(review));
        commands.accept(RecordedCommand.reviewed(Instant.now(), recorder.now(), text, verdict, review));
    }

    private void cancel(String notice) throws IOException {
        recorder.lineRefused(notice);
        tell(notice);
        upstreamIn.write(INTERRUPT);
        upstreamIn.flush();
        carried = "";
    }

    private void tell(String notice) throws IOException {
        operatorOut.write(("\r\n" + notice + "\r\n").getBytes(StandardCharsets.UTF_8));
        operatorOut.flush();
    }

    private void forward(byte[] bytes, int from, int to) throws IOException {
        if (to <= from) {
            return;
        }
        recorder.input(bytes, from, to - from);
        upstreamIn.write(bytes, from, to - from);
        upstreamIn.flush();
        lastForward = System.nanoTime();
    }

    /** Until the terminal shows the typed line (or, after editing keys, nothing has been drawn for a moment). */
    private void awaitEcho() throws InterruptedException {
        long deadline = System.nanoTime() + ECHO_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            long quiet = System.nanoTime() - Math.max(lastForward, recorder.lastOutputNanos());
            if (quiet >= QUIET_NANOS || recorder.pendingLine().echoed() && quiet >= ECHOED_QUIET_NANOS) {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** Until the shell has moved to the next row, so the next line's prompt is told apart from this one. */
    private void awaitLineFeed() throws InterruptedException {
        long deadline = System.nanoTime() + ECHO_WAIT_NANOS;
        while (recorder.awaitingLineFeed() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static boolean incomplete(CommandVerdict verdict) {
        return verdict.analysis().lineFindings().stream().anyMatch(f -> f.concern() == Concern.INCOMPLETE);
    }

    private static boolean startsWith(byte[] bytes, int at, int length, byte[] prefix) {
        return length - at >= prefix.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(ByteArrayOutputStream buffer, byte[] suffix) {
        byte[] bytes = buffer.toByteArray();
        return bytes.length >= suffix.length && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }
}
