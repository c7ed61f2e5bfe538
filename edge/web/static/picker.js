// Keeps the order queue and the pick timers current without reloading the page.
(function () {
  "use strict";
  function tick() {
    document.querySelectorAll(".timer[data-age]").forEach(function (el) {
      var age = parseInt(el.dataset.age, 10) + 10;
      el.dataset.age = String(age);
      var target = parseInt(el.dataset.target, 10);
      el.textContent = Math.floor(age / 60) + " / " + Math.floor(target / 60) + " min";
      el.classList.toggle("late", age > target);
    });
  }
  setInterval(tick, 10000);

  var queue = document.getElementById("queue");
  if (!queue) { return; }
  function render(orders) {
    if (!orders.length) {
      queue.innerHTML = '<li class="empty">No orders to pick. New ones appear here by themselves.</li>';
      return;
    }
    queue.innerHTML = "";
    orders.forEach(function (o) {
      var li = document.createElement("li");
      li.className = "order " + o.status + (o.late ? " late" : "");
      li.dataset.id = o.id;
      var a = document.createElement("a");
      a.href = queue.dataset.orderUrl.replace("ORDER", o.id);
      [["id", "#" + o.short_id], ["customer", o.customer], ["status", o.status],
       ["progress", o.picked + "/" + o.units + " picked"],
       ["timer", o.age_min + " / " + o.target_min + " min"]].forEach(function (part) {
        var span = document.createElement("span");
        span.className = part[0];
        span.textContent = part[1];
        if (part[0] === "timer") { span.dataset.age = o.age_s; span.dataset.target = o.target_min * 60; }
        a.appendChild(span);
      });
      li.appendChild(a);
      queue.appendChild(li);
    });
  }
  function poll() {
    fetch(queue.dataset.source, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { render(data.orders); } })
      .catch(function () { /* the node is restarting: try again next time */ });
  }
  setInterval(poll, 3000);
})();
