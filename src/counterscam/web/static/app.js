// counterscam: small progressive enhancements; every page works without this script.
(function () {
  "use strict";

  // Back to a page that answered a form showed "Confirm Form Resubmission" (pages are not
  // stored): its history entry becomes a plain address, the form again or a check's answer.
  var historyUrl = document.body.dataset.historyUrl;
  if (historyUrl && window.history.replaceState) {
    window.history.replaceState(null, "", historyUrl);
  }

  // Move focus to the error summary so keyboard and screen-reader users hear it first.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }

  // The label (or the legend of its group) of the box a summary's link leads to: the one
  // GOV.UK's error summary scrolls to. A section's legend only when the box would stay in the
  // top half of the window under it; otherwise the box's own label.
  function labelOf(box) {
    var fieldset = box.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (legend) {
      if (box.type === "checkbox" || box.type === "radio") { return legend; }
      var rect = box.getBoundingClientRect();
      if (rect.height && rect.bottom - legend.getBoundingClientRect().top < window.innerHeight / 2) {
        return legend;
      }
    }
    return (box.id && document.querySelector("label[for='" + CSS.escape(box.id) + "']")) ||
      box.closest("label");
  }

  // A summary's link focused its box at the top of the window, with the label saying what the
  // box is for scrolled out of view above it: the label is scrolled into view, then the box
  // focused where it stands. The address still ends in the box's #id, as a plain link's does.
  if (summary && window.CSS && CSS.escape) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var box = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      var label = box && labelOf(box);
      if (!label) { return; }
      event.preventDefault();
      if (window.history.pushState) { window.history.pushState(null, "", link.hash); }
      label.scrollIntoView();
      box.focus({ preventScroll: true });
    });
  }

  // Forms that take a while: disable the button, say we are working, show upload progress.
  document.querySelectorAll("form[data-busy-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      // A second click while the first is sent would save the report twice (the second
      // time as "Report updated"): the form is sent once.
      if (form.classList.contains("is-busy")) { event.preventDefault(); return; }
      form.querySelectorAll("button[data-busy-label]").forEach(function (button) {
        button.textContent = button.dataset.busyLabel;
        button.setAttribute("aria-disabled", "true");
      });
      form.classList.add("is-busy");
      var bar = form.querySelector(".progress__bar");
      var status = form.querySelector("[data-progress-text]");
      if (!bar || !window.XMLHttpRequest || !window.FormData) { return; }
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open(form.method || "post", form.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) { return; }
        var pct = Math.round((e.loaded / e.total) * 100);
        bar.style.width = pct + "%";
        if (status) {
          status.textContent = pct < 100 ? "Uploading… " + pct + "%" : "Uploaded. Checking every row…";
        }
      });
      xhr.addEventListener("load", function () {
        // The server answers a stored upload with a redirect to its result page: go there.
        var action = new URL(form.action, window.location.href).pathname;
        if (xhr.responseURL && new URL(xhr.responseURL).pathname !== action) {
          window.location.assign(xhr.responseURL);
          return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
        if (xhr.responseURL) { history.replaceState(null, "", xhr.responseURL); }
      });
      xhr.addEventListener("error", function () { form.submit(); });
      xhr.send(new FormData(form));
    });
  });

  // On a phone a stacked table writes each cell after its column's name (app.css, from
  // data-label): the names are its headings' shown words. Without this script the table keeps
  // its columns and scrolls sideways in its box.
  document.querySelectorAll("table.table--stack").forEach(function (table) {
    var headings = table.tHead ? table.tHead.rows[0].cells : [];
    var names = Array.prototype.map.call(headings, function (th) {
      var shown = th.cloneNode(true);
      shown.querySelectorAll(".visually-hidden").forEach(function (hidden) { hidden.remove(); });
      return shown.textContent.trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell) {
          var name = names[cell.cellIndex];
          if (name !== undefined && !cell.hasAttribute("data-label")) { cell.dataset.label = name; }
        });
      });
    });
    table.dataset.labelled = "";
  });

  // Sortable tables: click a column header to sort by it; numbers sort as numbers. The
  // headings' buttons are made here: written in the page, without this script they were
  // buttons, marked sortable, that did nothing.
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      var button = th.querySelector(".sort-button");
      if (!button && th.hasAttribute("data-sort-column")) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        th.setAttribute("aria-sort", "none");
      }
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var ca = a.cells[index], cb = b.cells[index];
          var va = ca.dataset.sort !== undefined ? ca.dataset.sort : ca.textContent.trim();
          var vb = cb.dataset.sort !== undefined ? cb.dataset.sort : cb.textContent.trim();
          // A cell with nothing to sort on (a loss not given) goes last either way: sorted as
          // 0 it stood among the smallest losses, as though the scam had cost nothing.
          if (va === "" || vb === "") { return (va === "") - (vb === ""); }
          var na = parseFloat(va), nb = parseFloat(vb);
          var cmp = (!isNaN(na) && !isNaN(nb) && ca.dataset.sort !== undefined) ? na - nb : va.localeCompare(vb);
          return ascending ? cmp : -cmp;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
