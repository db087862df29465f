// certs trust page: shows and hides the rows of the entry table. Which region and
// industry values an entry matches was decided by certs itself (data-regions,
// data-industries); this script only compares the chosen value with those lists.
// The text filter compares the query, folded as certs folds search terms (case,
// spaces, hyphens and underscores aside), with the folded text certs wrote in
// data-text. The state lives in the address (#region=sg), so a filtered view can be
// linked.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var fields = { region: "f-region", industry: "f-industry", kind: "f-kind", q: "f-text" };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody tr[data-id]"));
  var count = document.getElementById("count");
  function el(key) { return document.getElementById(fields[key]); }
  function fold(text) { return text.toLowerCase().replace(/[\s_-]+/g, ""); }
  function apply() {
    var region = el("region").value, industry = el("industry").value;
    var kind = el("kind").value, q = fold(el("q").value);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!region || row.getAttribute("data-regions").split(" ").indexOf(region) >= 0) &&
        (!industry || row.getAttribute("data-industries").split(" ").indexOf(industry) >= 0) &&
        (!kind || row.getAttribute("data-kind") === kind) &&
        (!q || row.getAttribute("data-text").indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + (shown === 1 ? " entry" : " entries") + " shown";
    var state = [];
    Object.keys(fields).forEach(function (key) {
      var value = el(key).value;
      if (value) { state.push(key + "=" + encodeURIComponent(value)); }
    });
    try { history.replaceState(null, "", state.length ? "#" + state.join("&") : location.pathname); } catch (e) { /* file:// */ }
  }
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var parts = pair.split("=");
    if (fields[parts[0]] && parts.length === 2) { el(parts[0]).value = decodeURIComponent(parts[1]); }
  });
  Object.keys(fields).forEach(function (key) { el(key).addEventListener("input", apply); });
  form.hidden = false;
  apply();
})();
