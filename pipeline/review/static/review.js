// claims review: keyboard shortcuts and the reviewer's name. Plain JavaScript, no build step.
// Every action is also a button or link, so the page works without this file.
(function () {
  "use strict";
  document.body.classList.add("js");
  var page = document.body.dataset.page;

  // The reviewer's name: starts as --reviewer; a name typed here is kept in this browser
  // and sent with every decision (so two people can share one server).
  var who = document.getElementById("reviewer");
  if (who) {
    var saved = window.localStorage.getItem("claims-reviewer");
    if (saved) { who.value = saved; }
    who.addEventListener("change", function () { window.localStorage.setItem("claims-reviewer", who.value.trim()); });
  }
  document.querySelectorAll("form[method=post]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll(".reviewer-field").forEach(function (f) { f.value = who ? who.value.trim() : ""; });
    });
  });

  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" && t.type !== "radio" && t.type !== "checkbox" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  function go(el) { if (el) { window.location.href = el.getAttribute("href"); } }
  function click(sel) { var el = document.querySelector(sel); if (el) { el.click(); return true; } return false; }

  if (page === "list") {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
    var at = -1;
    function select(i) {
      if (!rows.length) { return; }
      if (at >= 0) { rows[at].classList.remove("selected"); }
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows[at].classList.add("selected");
      rows[at].scrollIntoView({ block: "nearest" });
    }
    rows.forEach(function (row, i) {
      row.addEventListener("click", function (e) { if (e.target.tagName !== "A") { window.location.href = row.dataset.href; } });
    });
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (typing(e)) { if (e.key === "Escape") { e.target.blur(); } return; }
      if (e.key === "j") { select(at + 1); }
      else if (e.key === "k") { select(at - 1); }
      else if (e.key === "Enter" || e.key === "o") { if (at >= 0) { window.location.href = rows[at].dataset.href; } }
      else if (e.key === "/") { e.preventDefault(); document.getElementById("q").focus(); }
      else if (e.key === "]") { go(document.querySelector(".pager a[rel=next]")); }
      else if (e.key === "[") { go(document.querySelector(".pager a[rel=prev]")); }
      else { return; }
      e.preventDefault();
    });
  }

  if (page === "conflict") {
    var form = document.getElementById("decide-form");
    var dismiss = document.getElementById("dismiss");
    var note = document.getElementById("note");
    var reasons = dismiss ? dismiss.querySelectorAll("input[name=reason]") : [];
    function decide(value) {
      var button = form.querySelector("button[name=decision][value=" + value + "]");
      if (button) { form.requestSubmit(button); }
    }
    function submitDismiss() {
      if (!form.querySelector("input[name=reason]:checked")) {
        dismiss.querySelector("legend").classList.add("missing");
        reasons[0].focus();
        return;
      }
      decide("dismissed");
    }
    function toggleDismiss(open) {
      dismiss.classList.toggle("open", open);
      if (open) { (form.querySelector("input[name=reason]:checked") || reasons[0]).focus(); }
    }
    var pick = document.getElementById("disputed-pick");
    function showPick() {
      var chosen = form.querySelector("input[name=reason]:checked");
      pick.classList.toggle("open", !!chosen && chosen.value === "extraction_error");
    }
    reasons.forEach(function (r) { r.addEventListener("change", showPick); });
    showPick();
    document.getElementById("dismiss-toggle").addEventListener("click", function () {
      toggleDismiss(!dismiss.classList.contains("open"));
    });
    document.getElementById("dismiss-submit").addEventListener("click", function (e) {
      e.preventDefault(); submitDismiss();
    });
    note.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); decide("note"); }
      if (e.key === "Escape") { note.blur(); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
      var open = dismiss.classList.contains("open");
      if (open && e.key >= "1" && e.key <= String(reasons.length)) {
        reasons[Number(e.key) - 1].checked = true; reasons[Number(e.key) - 1].focus(); showPick();
      } else if (open && e.key === "Enter") { submitDismiss(); }
      else if (open && e.key === "Escape") { toggleDismiss(false); }
      else if (e.key === "a") { decide("a_right"); }
      else if (e.key === "b") { decide("b_right"); }
      else if (e.key === "n") { decide("neither"); }
      else if (e.key === "h") { decide("both_hold"); }
      else if (e.key === "d") { toggleDismiss(!open); }
      else if (e.key === "o") { note.focus(); }
      else if (e.key === "s" || e.key === "j") { go(document.getElementById("next")); }
      else if (e.key === "k") { go(document.getElementById("prev")); }
      else if (e.key === "u") { click("button[form=undo-form]"); }
      else if (e.key === "p") {
        var all = document.querySelectorAll("details.para");
        var show = Array.prototype.some.call(all, function (d) { return !d.open; });
        all.forEach(function (d) { d.open = show; });
      }
      else if (e.key === "l" || e.key === "Escape") { go(document.querySelector("a[data-key=l]")); }
      else { return; }
      e.preventDefault();
    });
  }
})();
