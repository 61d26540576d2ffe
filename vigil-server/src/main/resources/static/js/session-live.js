// Shows a running bastion session's output as it happens: the server sends one asciicast v2 line per event; output
// ("o") is appended as plain text (escape sequences removed, so nothing the target prints acts on this page).
document.addEventListener('DOMContentLoaded', function () {
    var output = document.getElementById('live-output');
    var state = document.getElementById('live-state');
    if (!output || !window.EventSource) {
        return;
    }
    var escapes = /\u001b\[[0-?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[@-Z\\-_]|[\u0000-\u0008\u000b-\u001f\u007f]/g;
    var source = new EventSource(output.dataset.live);
    source.onopen = function () {
        state.textContent = 'Watching; this view is recorded in the audit trail.';
    };
    source.onmessage = function (message) {
        var event = JSON.parse(message.data);
        if (Array.isArray(event) && event[1] === 'o') {
            output.textContent += event[2].replace(/\r\n/g, '\n').replace(escapes, '');
            output.scrollTop = output.scrollHeight;
        }
    };
    source.addEventListener('end', function () {
        state.textContent = 'The session has ended.';
        source.close();
    });
});
