/* Map of the SWV regions (Leaflet, served locally). No tile server unless the page names one.
 *
 * <div class="kaart" data-geojson="/kaart/po.geojson?v=3">             the national map (fetched)
 * <div class="kaart" data-geojson-id="minikaart-data">                 a small map, data in json_script
 * optional data-tiles="https://…/{z}/{x}/{y}.png" data-tiles-attribution="…"
 */
(function () {
  "use strict";
  if (!window.L) { return; }

  var NL_BOUNDS = [[50.70, 3.30], [53.60, 7.30]];
  var HATCH_ID = "kaart-arcering";

  function svgElement(name, attributes) {
    var element = document.createElementNS("http://www.w3.org/2000/svg", name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    return element;
  }

  /* Split gemeenten are filled with this hatching (a pattern in the map's own SVG). */
  function addHatchPattern(svg) {
    if (!svg || svg.querySelector("#" + HATCH_ID)) { return; }
    var pattern = svgElement("pattern", {
      id: HATCH_ID, patternUnits: "userSpaceOnUse", width: "6", height: "6", patternTransform: "rotate(45)"
    });
    pattern.appendChild(svgElement("rect", { width: "6", height: "6", fill: "#ffffff", "fill-opacity": "0.55" }));
    pattern.appendChild(svgElement("rect", { width: "2.2", height: "6", fill: "#1b1f24" }));
    var defs = svgElement("defs", {});
    defs.appendChild(pattern);
    svg.insertBefore(defs, svg.firstChild);
  }

  function regionStyle(feature) {
    return {
      className: "kaart-regio kaart-kleur-" + (feature.properties.kleur || 0),
      color: "#1b1f24",
      weight: 1,
      fillOpacity: 1
    };
  }

  function sharedStyle() {
    return { className: "kaart-gedeeld", color: "#1b1f24", weight: 1, dashArray: "3 3", fillColor: "url(#" + HATCH_ID + ")", fillOpacity: 1 };
  }

  function makeMap(element, small) {
    /* The small map is a picture (role img, described by its caption): no controls, no panning. */
    var map = L.map(element, {
      zoomControl: false,
      attributionControl: true,
      minZoom: small ? 5 : 6,
      maxZoom: 13,
      maxBounds: [[49.5, 1.5], [54.5, 9.0]],
      zoomSnap: 0.25,
      dragging: !small && !L.Browser.mobile,  // on a phone one finger scrolls the page; pinch zooms
      keyboard: !small,
      scrollWheelZoom: !small,
      doubleClickZoom: !small,
      touchZoom: !small,
      boxZoom: !small,
      renderer: L.svg({ padding: 0.2 })
    });
    map.attributionControl.setPrefix(false);
    if (!small) { L.control.zoom({ zoomInTitle: "Inzoomen", zoomOutTitle: "Uitzoomen" }).addTo(map); }
    var tiles = element.getAttribute("data-tiles");
    if (tiles) {
      element.classList.add("kaart--tegels");
      L.tileLayer(tiles, { attribution: element.getAttribute("data-tiles-attribution") || "", maxZoom: 19 }).addTo(map);
    }
    map.attributionControl.addAttribution("Gemeentegrenzen: CBS/Kadaster");
    return map;  // the caller sets the view once, after adding its layers (one render, not two)
  }

  /* The region under focus or pointer is drawn once more on top (not interactive, not focusable), so
   * it shows whole above split gemeenten and neighbours without moving its own node (tab order). */
  function highlighter(map) {
    var current = null;
    return {
      show: function (layer) {
        this.hide();
        current = L.geoJSON(layer.feature, {
          interactive: false,
          style: { className: "kaart-regio-actief", color: "#000000", weight: 3, fillColor: "#00508c", fillOpacity: 0.5 }
        }).addTo(map);
      },
      hide: function () {
        if (current) { map.removeLayer(current); current = null; }
      }
    };
  }

  /* Each region path becomes a link: focusable, named, opened with Enter as well as by click. */
  function makeAccessible(layer, status, highlight) {
    var props = layer.feature.properties;
    var path = layer.getElement();
    if (!path) { return; }
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "link");
    path.setAttribute("aria-label", props.naam);
    path.setAttribute("data-code", props.code);
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        window.location.href = props.url;
      }
    });
    // Leaflet itself opens the tooltip on focus (at the polygon's first ring) and closes it on blur;
    // this moves it to the middle of the region. No bringToFront: moving the node drops the focus.
    path.addEventListener("focus", function () {
      highlight.show(layer);
      layer.openTooltip(layer.getBounds().getCenter());
      if (status) { status.textContent = props.naam; }
    });
    path.addEventListener("blur", function () { highlight.hide(); });
  }

  function drawNational(element, data) {
    var map = makeMap(element, false);
    var status = document.getElementById("kaart-status");
    var regions = data.features.filter(function (f) { return f.properties.laag === "regio"; });
    var shared = data.features.filter(function (f) { return f.properties.laag === "gedeeld"; });
    var highlight = highlighter(map);
    var regionLayer = L.geoJSON(regions, {
      style: regionStyle,
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(feature.properties.naam, { sticky: true, direction: "top", className: "kaart-tooltip" });
        layer.on("click", function () { window.location.href = feature.properties.url; });
        layer.on("mouseover", function () { highlight.show(layer); });
        layer.on("mouseout", function () { highlight.hide(); });
      }
    }).addTo(map);
    map.fitBounds(regionLayer.getLayers().length ? regionLayer.getBounds() : NL_BOUNDS, { padding: [4, 4] });
    regionLayer.eachLayer(function (layer) { makeAccessible(layer, status, highlight); });
    var sharedLayer = L.geoJSON(shared, {
      style: sharedStyle,
      interactive: true,
      onEachFeature: function (feature, layer) {
        var text = feature.properties.naam + " is per postcode verdeeld over: " + feature.properties.swvs.join("; ") +
          ". Klik voor de postcodes.";
        layer.bindTooltip(text, { sticky: true, direction: "top", className: "kaart-tooltip" });
        layer.on("click", function () { window.location.href = feature.properties.url; });
      }
    });
    if (shared.length) {
      sharedLayer.addTo(map);
      sharedLayer.eachLayer(function (layer) {
        var path = layer.getElement();
        if (path) { path.setAttribute("aria-hidden", "true"); }
      });
    }
    var first = regionLayer.getLayers()[0];
    if (first && first.getElement()) { addHatchPattern(first.getElement().ownerSVGElement); }
    element.setAttribute("data-regios", String(regionLayer.getLayers().length));
    element.classList.add("kaart--klaar");
    if (window.performance && performance.mark) { performance.mark("kaart-klaar"); }
    if (status) { status.textContent = regionLayer.getLayers().length + " regio's getekend."; }
  }

  function drawSmall(element, data) {
    var map = makeMap(element, true);
    var layer = L.geoJSON(data, {
      interactive: false,
      style: function (feature) {
        return feature.properties.laag === "gedeeld" ? sharedStyle() : regionStyle({ properties: { kleur: 0 } });
      }
    }).addTo(map);
    var bounds = layer.getLayers().length ? layer.getBounds() : NL_BOUNDS;
    map.fitBounds(bounds, { padding: [8, 8] });
    var first = layer.getLayers()[0];
    if (first && first.getElement()) { addHatchPattern(first.getElement().ownerSVGElement); }
    element.classList.add("kaart--klaar");
    // Printed, the map has another size than on screen: fit the whole region again, or it is cropped.
    function refit() {
      map.invalidateSize({ animate: false, pan: false });
      map.fitBounds(bounds, { padding: [8, 8], animate: false });
    }
    window.addEventListener("beforeprint", refit);
    window.addEventListener("afterprint", refit);
    if (window.matchMedia) {
      var print = window.matchMedia("print");
      if (print.addEventListener) { print.addEventListener("change", refit); }
    }
  }

  function start(element) {
    element.classList.add("kaart--actief");
    var inline = element.getAttribute("data-geojson-id");
    if (inline) {
      var source = document.getElementById(inline);
      if (source) { drawSmall(element, JSON.parse(source.textContent)); }
      return;
    }
    fetch(element.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) { drawNational(element, data); })
      .catch(function () {
        element.classList.remove("kaart--actief");
        var status = document.getElementById("kaart-status");
        if (status) { status.textContent = "De kaart kon niet worden geladen; gebruik de lijst."; }
      });
  }

  document.querySelectorAll(".kaart[data-geojson], .kaart[data-geojson-id]").forEach(start);
})();
