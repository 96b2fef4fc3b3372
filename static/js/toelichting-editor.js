/* The toelichting editor in the admin: a small toolbar (bold, italic, lists, link) that writes the Markdown
 * for the user, and a live preview rendered by the server (the same sanitising as the public page), so
 * nobody needs to know Markdown. Without this script the plain text field still works. */
(function () {
  "use strict";
  var field = document.getElementById("id_concept");
  var config = document.getElementById("toelichting-editor-config");
  if (!field || !config) { return; }
  var previewUrl = config.getAttribute("data-voorbeeld-url");
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]");

  function selection() {
    return { start: field.selectionStart, end: field.selectionEnd, text: field.value.slice(field.selectionStart, field.selectionEnd) };
  }

  function replace(start, end, text, selectFrom, selectTo) {
    field.focus();
    field.setRangeText(text, start, end, "end");
    if (selectFrom !== undefined) { field.setSelectionRange(start + selectFrom, start + selectTo); }
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function wrap(mark, placeholder) {
    var s = selection();
    var inner = s.text || placeholder;
    replace(s.start, s.end, mark + inner + mark, mark.length, mark.length + inner.length);
  }

  function list(numbered) {
    var value = field.value;
    var start = value.lastIndexOf("\n", field.selectionStart - 1) + 1;  // whole lines
    var end = value.indexOf("\n", field.selectionEnd);
    if (end === -1) { end = value.length; }
    var lines = value.slice(start, end).split("\n");
    var text = lines.map(function (line, i) {
      var bare = line.replace(/^\s*(?:[-*]|\d+\.)\s+/, "");
      return (numbered ? (i + 1) + ". " : "- ") + (bare || "punt");
    }).join("\n");
    // a list needs an empty line before it to be a list
    var before = start > 0 && value.slice(0, start).slice(-2) !== "\n\n" ? "\n" : "";
    replace(start, end, before + text, before.length, before.length + text.length);
  }

  function link() {
    var s = selection();
    var address = window.prompt("Adres van de link (https://…)", "https://");
    if (!address || address === "https://") { return; }
    var label = s.text || "linktekst";
    replace(s.start, s.end, "[" + label + "](" + address + ")", 1, 1 + label.length);
  }

  var tools = [
    ["Vet", "Maak de gekozen tekst vet", function () { wrap("**", "vette tekst"); }],
    ["Cursief", "Maak de gekozen tekst cursief", function () { wrap("*", "cursieve tekst"); }],
    ["Opsomming", "Maak van de gekozen regels een opsomming", function () { list(false); }],
    ["Genummerde lijst", "Maak van de gekozen regels een genummerde lijst", function () { list(true); }],
    ["Link", "Maak van de gekozen tekst een link", link]
  ];
  var toolbar = document.createElement("div");
  toolbar.className = "beheer-werkbalk";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Opmaak");
  toolbar.setAttribute("aria-controls", field.id);
  tools.forEach(function (tool) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = tool[0];
    button.title = tool[1];
    button.addEventListener("click", tool[2]);
    toolbar.appendChild(button);
  });
  var editor = document.createElement("div");  // toolbar, text and preview in one column
  editor.className = "beheer-editor";
  field.parentNode.insertBefore(editor, field);
  editor.appendChild(toolbar);
  editor.appendChild(field);

  var box = document.createElement("div");
  box.className = "beheer-voorbeeld";
  var heading = document.createElement("h3");
  heading.textContent = "Zo komt het op de pagina";
  var preview = document.createElement("div");
  preview.className = "beheer-voorbeeld__tekst toelichting-voorbeeld";
  preview.id = "toelichting-voorbeeld";
  preview.setAttribute("aria-live", "polite");
  box.appendChild(heading);
  box.appendChild(preview);
  editor.appendChild(box);

  var timer = null;
  var asked = 0;
  function refresh() {
    var ask = ++asked;
    var body = new URLSearchParams();
    body.set("tekst", field.value);
    fetch(previewUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf ? csrf.value : "", "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString()
    }).then(function (response) {
      return response.text().then(function (text) { return { ok: response.ok, text: text }; });
    }).then(function (result) {
      if (ask !== asked) { return; }  // an older answer after a newer one
      if (result.ok) {
        preview.innerHTML = result.text || "<p><em>(nog geen tekst)</em></p>";  // sanitised by the server
      } else {
        preview.textContent = result.text;
      }
    }).catch(function () {
      preview.textContent = "Het voorbeeld kon niet worden gemaakt; uw tekst blijft gewoon bewaard.";
    });
  }
  field.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  });
  refresh();
})();
