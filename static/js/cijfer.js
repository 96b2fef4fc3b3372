/* /cijfers/<code>/: the SWV regions coloured by one figure (Leaflet) and every SWV as a bar with its name
 * on hover (plotly, loaded only on this page). The data come from the JSON script element "cijfer-data";
 * the table on the page holds the same values, so nothing depends on this script. */
(function () {
  "use strict";
  var source = document.getElementById("cijfer-data");
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  // Colour-blind-safe sequential palette (light to dark); the same colours as the legend in kaart.css.
  var COLOURS = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  var EMPTY = "#f3f5f8";

  function colour(entry) {
    return entry && entry.klasse !== null && entry.klasse !== undefined ? COLOURS[entry.klasse] : EMPTY;
  }

  function drawMap(element) {
    if (!window.L) { return; }
    var map = L.map(element, {
      zoomControl: true, minZoom: 6, maxZoom: 12, zoomSnap: 0.25,
      maxBounds: [[49.5, 1.5], [54.5, 9.0]],
      dragging: !L.Browser.mobile, scrollWheelZoom: false, renderer: L.svg({ padding: 0.2 })
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Gemeentegrenzen: CBS/Kadaster");
    fetch(element.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
      .then(function (response) { if (!response.ok) { throw new Error("HTTP " + response.status); } return response.json(); })
      .then(function (geojson) {
        var regions = geojson.features.filter(function (f) { return f.properties.laag === "regio"; });
        var layer = L.geoJSON(regions, {
          style: function (feature) {
            return { color: "#1b1f24", weight: 0.8, fillOpacity: 1, fillColor: colour(data.swv[feature.properties.code]) };
          },
          onEachFeature: function (feature, region) {
            var entry = data.swv[feature.properties.code] || { naam: feature.properties.naam, tekst: "niet aangeleverd" };
            region.bindTooltip(entry.naam + ": " + entry.tekst, { sticky: true, direction: "top", className: "kaart-tooltip" });
            region.on("click", function () { window.location.href = feature.properties.url; });
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [4, 4] });
        element.classList.add("kaart--klaar");
      })
      .catch(function () { element.textContent = "De kaart kon niet worden geladen; de tabel hieronder geeft dezelfde waarden."; });
  }

  function drawBars(element) {
    if (!window.Plotly) { return; }
    var rows = Object.keys(data.swv).map(function (code) { return data.swv[code]; })
      .filter(function (entry) { return entry.waarde !== null; })
      .sort(function (a, b) { return b.waarde - a.waarde; });
    var trace = {
      type: "bar",
      x: rows.map(function (_, i) { return i + 1; }),
      y: rows.map(function (entry) { return entry.waarde; }),
      text: rows.map(function (entry) { return entry.naam.replace(" (", "<br>(") + "<br><b>" + entry.tekst + "</b>"; }),
      hoverinfo: "text",
      textposition: "none",
      marker: { color: rows.map(colour), line: { color: "#1b1f24", width: 0.5 } },
      customdata: rows.map(function (entry) { return entry.url; })
    };
    var layout = {
      margin: { l: 56, r: 8, t: 8, b: 32 }, height: 280, bargap: 0.05,
      xaxis: { title: { text: "van hoog naar laag" }, showticklabels: false, fixedrange: true },
      yaxis: { fixedrange: true, separatethousands: true, ticksuffix: data.eenheid === "procent" ? "%" : "" },
      separators: ",.", font: { family: "system-ui, sans-serif", size: 12, color: "#1b1f24" },
      paper_bgcolor: "#ffffff", plot_bgcolor: "#ffffff"
    };
    Plotly.newPlot(element, [trace], layout, { displayModeBar: false, responsive: true });
    element.on("plotly_click", function (event) {
      var url = event.points && event.points[0] && event.points[0].customdata;
      if (url) { window.location.href = url; }
    });
  }

  var map = document.getElementById("cijferkaart");
  if (map) { drawMap(map); }
  var bars = document.getElementById("verdeling");
  if (bars) { drawBars(bars); }
})();
