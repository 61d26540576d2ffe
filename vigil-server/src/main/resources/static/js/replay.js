// In-browser replay of a bastion session recording (asciicast v2) with xterm.js (served from the jar as a webjar).
// Play/pause, speed, a seek bar, and the session's commands as jump points. The recording is fetched from the console
// (same origin, session cookie) and drawn by cast-terminal.js.
document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('player');
    if (!root || !window.Terminal || !window.VigilCastTerminal) {
        return;
    }
    var screen = document.getElementById('player-screen');
    var playButton = document.getElementById('player-play');
    var speedSelect = document.getElementById('player-speed');
    var seekBar = document.getElementById('player-seek');
    var timeLabel = document.getElementById('player-time');
    var header = null;
    var events = [];
    var duration = 0;
    var index = 0;
    var time = 0;
    var playing = false;
    var lastTick = 0;
    var term = null;

    function parse(text) {
        var lines = text.split('\n').filter(function (line) { return line.trim() !== ''; });
        header = JSON.parse(lines[0]);
        events = lines.slice(1).map(function (line) { return JSON.parse(line); })
            .filter(function (e) { return e[1] === 'o' || e[1] === 'r'; });
        duration = events.length ? events[events.length - 1][0] : 0;
    }

    function apply(e) {
        window.VigilCastTerminal.apply(term, e);
    }

    function show() {
        seekBar.value = time.toFixed(3);
        timeLabel.textContent = time.toFixed(1) + ' / ' + duration.toFixed(1) + ' s';
        root.dataset.time = time.toFixed(3);
        playButton.textContent = playing ? 'Pause' : 'Play';
    }

    // Draws the screen as it was at t: from a reset terminal, everything printed up to t at once.
    function seek(t) {
        time = Math.max(0, Math.min(t, duration));
        term.reset();
        term.resize(header.width || 80, header.height || 24);
        var output = '';
        index = 0;
        while (index < events.length && events[index][0] <= time) {
            if (events[index][1] === 'o') {
                output += events[index][2];
            } else {
                if (output) {
                    term.write(output);
                    output = '';
                }
                apply(events[index]);
            }
            index++;
        }
        if (output) {
            term.write(output);
        }
        show();
    }

    function tick(now) {
        if (!playing) {
            return;
        }
        time += (now - lastTick) / 1000 * parseFloat(speedSelect.value);
        lastTick = now;
        while (index < events.length && events[index][0] <= time) {
            apply(events[index]);
            index++;
        }
        if (index >= events.length) {
            time = duration;
            playing = false;
        }
        show();
        if (playing) {
            window.requestAnimationFrame(tick);
        }
    }

    function play() {
        if (index >= events.length) {
            seek(0);
        }
        playing = true;
        lastTick = performance.now();
        show();
        window.requestAnimationFrame(tick);
    }

    function pause() {
        playing = false;
        show();
    }

    fetch(root.dataset.recording, {credentials: 'same-origin'}).then(function (response) {
        if (!response.ok) {
            throw new Error('the recording could not be loaded (HTTP ' + response.status + ')');
        }
        return response.text();
    }).then(function (text) {
        parse(text);
        term = window.VigilCastTerminal.open(screen, header);
        seekBar.max = duration.toFixed(3);
        playButton.addEventListener('click', function () { playing ? pause() : play(); });
        seekBar.addEventListener('input', function () { pause(); seek(parseFloat(seekBar.value)); });
        document.querySelectorAll('[data-jump]').forEach(function (link) {
            link.addEventListener('click', function (event) {
                event.preventDefault();
                pause();
                seek(parseFloat(link.dataset.jump));
            });
        });
        root.dataset.ready = 'true';
        seek(duration);
    }).catch(function (error) {
        timeLabel.textContent = error.message;
    });
});
