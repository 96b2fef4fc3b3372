// Search boxes (input[data-suggesties]): while people type, the input's native <datalist> is filled with
// suggestions from /zoeken/suggesties, the same search with the same ranking. Each option's value is a
// query that finds that hit again; submitting still goes to /zoeken/. Without this script (or when the
// request fails) the form works exactly as without it.
(function () {
  "use strict";
  var MIN_CHARS = 2;
  var WAIT_MS = 250; // debounce: one request once typing pauses, not one per key
  if (!window.fetch || !window.URLSearchParams) return;
  document.querySelectorAll("input[data-suggesties]").forEach(function (input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggesties";
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute("list", list.id);
    var timer = null;
    var asked = "";
    var pending = null;

    function fill(suggestions) {
      while (list.firstChild) list.removeChild(list.firstChild);
      suggestions.forEach(function (suggestion) {
        var option = document.createElement("option");
        option.value = suggestion.zoekterm;
        if (suggestion.label !== suggestion.zoekterm) option.label = suggestion.label;
        list.appendChild(option);
      });
    }

    function ask() {
      var query = input.value.trim();
      if (query === asked) return;
      asked = query;
      if (pending) pending.abort();
      if (query.length < MIN_CHARS) {
        fill([]);
        return;
      }
      pending = window.AbortController ? new AbortController() : null;
      var url = input.getAttribute("data-suggesties") + "?" + new URLSearchParams({ q: query });
      fetch(url, { headers: { Accept: "application/json" }, signal: pending && pending.signal })
        .then(function (response) { return response.ok ? response.json() : { suggesties: [] }; })
        .then(function (data) {
          if (input.value.trim() === query) fill(data.suggesties || []);
        })
        .catch(function () { /* aborted or offline: no suggestions, the form still works */ });
    }

    input.addEventListener("input", function (event) {
      // A picked suggestion replaces the text: that needs no new list.
      if (event.inputType === "insertReplacementText") return;
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT_MS);
    });
  });
})();
