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
  // As certs's `squeeze`: each character lowercased on its own (so a final capital
  // sigma is σ, as in Rust, not the ς a whole-string toLowerCase gives), and Unicode
  // White_Space (Rust's char::is_whitespace, not JavaScript's \s), `-` and `_` dropped.
  var SKIP = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000_-]/;
  function fold(text) {
    var out = "";
    Array.from(text).forEach(function (c) { if (!SKIP.test(c)) { out += c.toLowerCase(); } });
    return out;
  }
  // A fragment is anyone's to write: one that is not valid percent-encoding is taken
  // as it stands rather than stopping the script (and hiding the filters).
  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }
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
    if (Object.prototype.hasOwnProperty.call(fields, parts[0]) && parts.length === 2) { el(parts[0]).value = decode(parts[1]); }
  });
  Object.keys(fields).forEach(function (key) { el(key).addEventListener("input", apply); });
  form.hidden = false;
  apply();
})();
