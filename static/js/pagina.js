// SWV page: the topics of each theme are folded <details> on a phone. On a wide screen they open, a link
// to a figure inside one opens it, and printing opens everything. The page works without this script.
(function () {
  "use strict";
  var topics = document.querySelectorAll("details.onderwerp");
  if (window.matchMedia && window.matchMedia("(min-width: 64rem)").matches) {
    topics.forEach(function (d) { d.open = true; });
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  if (location.hash) openTarget();
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("main details").forEach(function (d) { d.open = true; });
  });
})();
