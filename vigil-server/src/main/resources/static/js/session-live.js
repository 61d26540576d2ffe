// Shows a running bastion session as it happens, in a terminal emulator (cast-terminal.js): the server sends one
// asciicast v2 line per event, the header first (the terminal's size), then output ("o") and resizes ("r"). The
// terminal's size is kept on the container (data-cols, data-rows). The terminal sits near the top of the page because
// xterm.js pauses drawing while it is off screen.
document.addEventListener('DOMContentLoaded', function () {
    var screen = document.getElementById('live-output');
    var state = document.getElementById('live-state');
    if (!screen || !window.EventSource || !window.Terminal || !window.VigilCastTerminal) {
        return;
    }
    var term = null;

    function showSize() {
        screen.dataset.cols = term.cols;
        screen.dataset.rows = term.rows;
    }

    var source = new EventSource(screen.dataset.live);
    source.onopen = function () {
        state.textContent = 'Watching; this view is recorded in the audit trail.';
    };
    source.onmessage = function (message) {
        var line = JSON.parse(message.data);
        if (!Array.isArray(line)) {
            // the header: first, and again when the browser reconnects (the backlog follows it, so start afresh)
            if (term === null) {
                term = window.VigilCastTerminal.open(screen, line);
            } else {
                term.reset();
                term.resize(line.width || 80, line.height || 24);
            }
            showSize();
            return;
        }
        if (term !== null) {
            window.VigilCastTerminal.apply(term, line);
            showSize();
        }
    };
    source.addEventListener('end', function () {
        state.textContent = 'The session has ended.';
        source.close();
    });
});
