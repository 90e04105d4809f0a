// Progress of a bulk run: asks the server every second how far the drafting job is and updates the
// <progress> bar and its text (a polite live region, so a screen reader hears it without losing focus).
// When the job is done the page reloads to show the next step. Without JavaScript the page offers a link.
(function () {
  "use strict";
  var bar = document.getElementById("voortgang");
  if (!bar) { return; }
  var text = document.getElementById("voortgang-tekst");
  var url = bar.getAttribute("data-url");
  var lastAnnounced = -1;
  function update(state) {
    bar.value = state.percent;
    bar.textContent = state.percent + "%";
    var step = Math.floor(state.percent / 10);
    if (step !== lastAnnounced) {
      lastAnnounced = step;
      text.textContent = state.done + " van " + state.total + " zaken verwerkt (" + state.percent + "%)" +
        (state.problems ? "; " + state.problems + " met een aandachtspunt" : "") + ".";
    }
    if (state.status !== "opstellen") { window.location.reload(); return; }
    window.setTimeout(poll, 1000);
  }
  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(update)
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  poll();
})();
