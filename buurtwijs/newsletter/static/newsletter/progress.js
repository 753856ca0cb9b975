// Updates the sending figures of a newsletter issue every five seconds.
(function () {
  var box = document.getElementById("newsletter-progress");
  if (!box) return;
  var url = box.getAttribute("data-url");
  function update() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        document.querySelectorAll("[data-field]").forEach(function (el) {
          var key = el.getAttribute("data-field");
          if (key in data) el.textContent = data[key];
        });
        var bar = box.querySelector("progress");
        if (bar) { bar.max = data.total; bar.value = data.done; bar.textContent = data.percent + "%"; }
        if (data.status === "sending") window.setTimeout(update, 5000);
      })
      .catch(function () { window.setTimeout(update, 15000); });
  }
  window.setTimeout(update, 5000);
})();
