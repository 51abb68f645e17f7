// Lotse console: keyboard shortcuts and the queue's self-refresh. No framework: a few lines load faster
// than any library on a slow laptop. Everything works without it, just without refresh and shortcuts.
(function () {
  "use strict";
  var REFRESH_MS = 5000;

  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("a[data-row]")); }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var i = all.indexOf(document.activeElement);
    var next = all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step))];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  var pendingG = false;
  document.addEventListener("keydown", function (e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (pendingG) {
      pendingG = false;
      if (e.key === "q") { location.href = "/ui/queue"; } else if (e.key === "i") { location.href = "/ui/incidents"; }
      return;
    }
    if (e.key === "j") { move(1); e.preventDefault(); }
    else if (e.key === "k") { move(-1); e.preventDefault(); }
    else if (e.key === "g") { pendingG = true; }
    else if (e.key === "/") {
      var f = document.getElementById("filter-first");
      if (f) { f.focus(); e.preventDefault(); }
    } else if (e.key === "r") {
      var r = document.getElementById("reply-text");
      if (r) { r.focus(); r.scrollIntoView({ block: "center" }); e.preventDefault(); }
    }
  });

  // The queue reloads only its rows. The focused row is found again by its key afterwards, and nothing
  // is replaced while the agent is typing in a filter, so their place is never lost.
  var body = document.getElementById("queue-rows");
  if (body && window.fetch) {
    setInterval(function () {
      if (document.hidden || typing({ target: document.activeElement })) { return; }
      fetch(body.getAttribute("data-refresh-url"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) {
          if (r.redirected || !r.ok) { throw new Error("session ended"); }
          return r.text();
        })
        .then(function (html) {
          var focused = document.activeElement && document.activeElement.closest("tr[data-key]");
          var key = focused && focused.getAttribute("data-key");
          body.innerHTML = html;
          if (key) {
            var again = body.querySelector('tr[data-key="' + key + '"] a[data-row]');
            if (again) { again.focus({ preventScroll: true }); }
          }
        })
        .catch(function () { /* signed out or offline: keep what is shown */ });
    }, REFRESH_MS);
  }
})();
