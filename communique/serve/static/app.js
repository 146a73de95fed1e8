// Article view: click (or follow a #record-id link to) highlighted text to see its record in the side panel.
// Everything is built with textContent, never innerHTML, so article text stays text.
(function () {
  "use strict";
  var data = document.getElementById("records");
  var text = document.getElementById("text");
  var panel = document.getElementById("panel");
  if (!data || !text || !panel) return;
  var records = JSON.parse(data.textContent);

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function who(ref) {
    if (!ref) return el("span", "none", "(unresolved)");
    var name = ref.name || ref.text;
    if (!ref.actor_id) return el("span", "who", name);
    var a = el("a", "who", name);
    a.href = "/actors/" + encodeURIComponent(ref.actor_id);
    return a;
  }

  function row(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  function span(s) {
    return s ? s.text + "  [" + s.start + "\u2013" + s.end + "]" : null;
  }

  function refs(list) {
    var box = el("span");
    list.forEach(function (r, i) {
      if (i) box.appendChild(document.createTextNode(", "));
      box.appendChild(who(r));
    });
    return list.length ? box : null;
  }

  function statement(r) {
    var box = el("div", "record");
    box.appendChild(el("h3", null, "Statement \u00b7 " + r.kind));
    var dl = el("dl");
    var sp = r.speaker;
    if (sp) {
      var s = el("span");
      s.appendChild(who(sp));
      s.appendChild(document.createTextNode(" \u2014 \u201c" + sp.text + "\u201d" +
        (sp.role ? ", " + sp.role : "") + (sp.country ? " (" + sp.country + ")" : "")));
      row(dl, "speaker", s);
    } else {
      row(dl, "speaker", "(none found)");
    }
    row(dl, "cue", span(r.cue));
    row(dl, "addressee", r.addressee ? r.addressee.name + " \u2014 " + span(r.addressee) : null);
    row(dl, "date", r.date ? (r.date.value || "unresolved") + " \u2014 " + span(r.date) : null);
    row(dl, "content", span(r.content));
    row(dl, "confidence", r.confidence);
    row(dl, "id", r.id);
    box.appendChild(dl);
    return box;
  }

  function event(r) {
    var box = el("div", "record");
    box.appendChild(el("h3", null, "Event \u00b7 " + r.event_type + (r.mode ? " (" + r.mode + ")" : "")));
    var dl = el("dl");
    row(dl, "actors", refs(r.actors));
    row(dl, "recipients", refs(r.recipients));
    row(dl, "trigger", span(r.trigger));
    row(dl, "date", r.date ? (r.date.value || "unresolved") + " \u2014 " + span(r.date) : null);
    row(dl, "location", r.location ? r.location.name + (r.location.country ? " (" + r.location.country + ")" : "") : null);
    var flags = ["negated", "future", "hypothetical"].filter(function (f) { return r[f]; });
    row(dl, "flags", flags.join(", "));
    if (r.claimed_by) {
      var a = el("a", null, r.claimed_by);
      a.href = "#" + r.claimed_by;
      row(dl, "claimed by", a);
    }
    row(dl, "confidence", r.confidence);
    row(dl, "id", r.id);
    box.appendChild(dl);
    return box;
  }

  function ridsOf(node) {
    var seen = [];
    (node.getAttribute("data-marks") || "").split(" ").forEach(function (m) {
      var rid = m.slice(0, m.lastIndexOf(":"));
      if (rid && seen.indexOf(rid) < 0) seen.push(rid);
    });
    return seen;
  }

  function select(rids) {
    Array.prototype.forEach.call(text.querySelectorAll(".sel"), function (n) { n.classList.remove("sel"); });
    Array.prototype.forEach.call(text.querySelectorAll("span.m"), function (n) {
      if (ridsOf(n).some(function (rid) { return rids.indexOf(rid) >= 0; })) n.classList.add("sel");
    });
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    rids.forEach(function (rid) {
      var r = records[rid];
      if (r) panel.appendChild(r.type === "event" ? event(r) : statement(r));
    });
  }

  text.addEventListener("click", function (e) {
    var node = e.target.closest ? e.target.closest("span.m") : null;
    if (node) select(ridsOf(node));
  });

  function fromHash() {
    var rid = decodeURIComponent(location.hash.slice(1));
    if (!records[rid]) return;
    select([rid]);
    var first = text.querySelector("span.m.sel");
    if (first) first.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
