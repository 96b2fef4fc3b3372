// A table wider than its column scrolls sideways inside its .table-scroll box. A box that scrolls gets a
// tab stop and a name, so keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable);
// a box that fits gets neither, so the many tables of a page add no useless tab stops. Checked again
// whenever a box changes size: a turned phone, an opened <details>.
(function () {
  "use strict";
  function update(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      var caption = box.querySelector("caption");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", (caption ? caption.textContent.trim() : "Tabel") + " (schuift opzij)");
    } else if (!scrolls && box.hasAttribute("tabindex")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".table-scroll"));
  boxes.forEach(update);
  if ("ResizeObserver" in window) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target); });
    });
    boxes.forEach(function (box) { observer.observe(box); });
  } else {
    window.addEventListener("resize", function () { boxes.forEach(update); });
  }
})();
