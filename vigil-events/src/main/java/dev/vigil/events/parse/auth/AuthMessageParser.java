package dev.vigil.events.parse.auth;

import dev.vigil.events.parse.draft.EventDraft;

/** Reads the messages one program writes to the authentication log. Unknown messages are left alone. */
public interface AuthMessageParser {

    void parse(String message, EventDraft draft);
}
