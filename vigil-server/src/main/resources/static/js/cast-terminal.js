// The terminal both the replay and the live view draw asciicast v2 events into: xterm.js (served from the jar as a
// webjar) with the DOM renderer, so the drawn text is in the page; it takes no input and answers nothing back.
window.VigilCastTerminal = {
    open: function (container, header) {
        var term = new window.Terminal({cols: header.width || 80, rows: header.height || 24, rendererType: 'dom',
            disableStdin: true, scrollback: 5000, convertEol: false});
        term.open(container);
        return term;
    },

    // Output is written as the target printed it; a resize ("r", "COLSxROWS") resizes the terminal.
    apply: function (term, event) {
        if (event[1] === 'o') {
            term.write(event[2]);
        } else if (event[1] === 'r') {
            var size = /^(\d+)x(\d+)$/.exec(event[2]);
            if (size) {
                term.resize(parseInt(size[1], 10), parseInt(size[2], 10));
            }
        }
    }
};
