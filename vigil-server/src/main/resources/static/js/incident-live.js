// Keeps the live part of an incident page current: the server sends "changed" when anyone changes the incident,
// and the summary, SLA timers, linked alerts, tasks and timeline are fetched again without reloading the page.
document.addEventListener('DOMContentLoaded', function () {
    var live = document.getElementById('live');
    if (!live || !window.EventSource || !window.htmx) {
        return;
    }
    var source = new EventSource(live.dataset.updates);
    source.addEventListener('changed', function () {
        htmx.ajax('GET', window.location.pathname, {target: '#live', select: '#live', swap: 'outerHTML'});
    });
});
