// Progressive touches only: every page works without this file.
(function () {
  "use strict";
  // Pages marked data-autorefresh="N" reload every N seconds (fleet, orders board).
  var refresh = document.querySelector("[data-autorefresh]");
  if (refresh) {
    var seconds = parseInt(refresh.getAttribute("data-autorefresh"), 10);
    if (seconds > 0) {
      setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
  }
  // Filter forms marked data-autosubmit apply a changed select at once.
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
