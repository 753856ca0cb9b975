// The map of the initiative list: a progressive enhancement. Without JavaScript,
// Leaflet or tiles, the list on the page stays the way to browse; this script only
// reveals a "Show on map" button and, when pressed, draws the initiatives of the
// current filters from the page's GeoJSON endpoint. No inline script, no eval:
// everything it needs comes from data-* attributes (CSP-friendly).
(function () {
  "use strict";

  var section = document.querySelector("[data-bw-map]");
  var toggle = document.querySelector("[data-bw-map-toggle]");
  if (!section || !toggle || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var canvas = section.querySelector("[data-bw-map-canvas]");
  var status = section.querySelector("[data-bw-map-status]");
  var map = null;
  var NETHERLANDS = [
    [50.75, 3.35],
    [53.55, 7.23],
  ];
  var POPUP_LIMIT = 10;

  function link(feature) {
    var anchor = document.createElement("a");
    anchor.href = feature.properties.url;
    anchor.textContent = feature.properties.name;
    return anchor;
  }

  // Initiatives in the same place share one marker whose popup lists them all:
  // stacked markers would hide each other.
  function groupByPlace(features) {
    var groups = new Map();
    features.forEach(function (feature) {
      if (!feature.geometry) {
        return;
      }
      var lonLat = feature.geometry.coordinates;
      var key = lonLat[1].toFixed(5) + "," + lonLat[0].toFixed(5);
      if (!groups.has(key)) {
        groups.set(key, { latLng: [lonLat[1], lonLat[0]], features: [] });
      }
      groups.get(key).features.push(feature);
    });
    return Array.from(groups.values());
  }

  function popupFor(group) {
    var box = document.createElement("div");
    var place = document.createElement("p");
    place.className = "bw-map__place";
    place.textContent = group.features[0].properties.municipality;
    box.appendChild(place);
    var list = document.createElement("ul");
    group.features.slice(0, POPUP_LIMIT).forEach(function (feature) {
      var item = document.createElement("li");
      item.appendChild(link(feature));
      list.appendChild(item);
    });
    box.appendChild(list);
    var rest = group.features.length - POPUP_LIMIT;
    if (rest > 0) {
      var more = document.createElement("p");
      more.textContent = section.dataset.moreText.replace("%(count)s", String(rest));
      box.appendChild(more);
    }
    return box;
  }

  function showMarkers(collection) {
    var layer = L.featureGroup();
    groupByPlace(collection.features || []).forEach(function (group) {
      var first = group.features[0].properties;
      var title =
        group.features.length === 1
          ? first.name
          : first.municipality + " (" + group.features.length + ")";
      L.marker(group.latLng, { title: title, alt: title, keyboard: true })
        .bindPopup(popupFor(group))
        .addTo(layer);
    });
    layer.addTo(map);
    if (layer.getLayers().length) {
      map.fitBounds(layer.getBounds(), { maxZoom: 12, padding: [24, 24] });
    }
    section.dataset.markers = String(layer.getLayers().length);
  }

  function fail() {
    status.textContent = section.dataset.errorText;
  }

  function load() {
    map = L.map(canvas, { scrollWheelZoom: false });
    map.fitBounds(NETHERLANDS);
    L.tileLayer(section.dataset.tileUrl, {
      attribution: section.dataset.tileAttribution,
      maxZoom: 18,
    }).addTo(map);
    fetch(section.dataset.geojsonUrl, {
      headers: { Accept: "application/geo+json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(showMarkers)
      .catch(fail);
  }

  function setOpen(open) {
    section.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? toggle.dataset.hideLabel : toggle.dataset.showLabel;
    if (open && !map) {
      load();
    } else if (open) {
      map.invalidateSize();
    }
  }

  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    setOpen(section.hidden);
  });
})();
