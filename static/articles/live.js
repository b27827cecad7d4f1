// An open live blog's page: asks the page's `since/` address for updates posted or edited since
// the newest it shows, and puts them at the top without a reload. Polls every data-interval
// seconds, backing off (up to 8x) while nothing changes or the tab is hidden, and stops for
// good when the answer says coverage has ended. Without this script, "Show new updates" reloads.
(function () {
  "use strict";
  var list = document.querySelector("[data-live-updates][data-since-url]");
  if (!list || !window.fetch) {
    return;
  }
  var base = Number(list.dataset.interval) * 1000 || 15000;
  var cursor = list.dataset.cursor || "0";
  var delay = base;
  var timer = null;
  var refresh = document.querySelector("[data-live-refresh]");
  if (refresh) {
    refresh.hidden = true; // new updates arrive by themselves
  }

  function insert(update) {
    var holder = document.createElement("div");
    holder.innerHTML = update.html; // rendered by our server from sanitised bodies
    var element = holder.firstElementChild;
    var existing = document.getElementById("update-" + update.id);
    if (existing) {
      existing.replaceWith(element);
    } else {
      var empty = list.querySelector(".live-empty");
      if (empty) {
        empty.remove();
      }
      list.insertBefore(element, list.firstElementChild);
    }
  }

  function stop() {
    clearTimeout(timer);
    timer = null;
    document.removeEventListener("visibilitychange", wake);
    var status = document.querySelector("[data-live-status]");
    if (status) {
      status.textContent = list.dataset.ended;
    }
    document.documentElement.dataset.livePolling = "stopped";
  }

  function schedule() {
    var wait = document.hidden ? base * 8 : delay;
    timer = setTimeout(poll, wait);
  }

  function poll() {
    timer = null; // while a request is out, coming back to the tab does not send another
    var url = list.dataset.sinceUrl + "?since=" + encodeURIComponent(cursor);
    // "no-cache": the browser asks every time (a 304 when nothing changed), rather than
    // keeping an answer for the page cache's whole CDN lifetime.
    fetch(url, { headers: { Accept: "application/json" }, credentials: "omit", cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        answer.updates.forEach(insert);
        cursor = String(answer.cursor);
        delay = answer.updates.length ? base : Math.min(delay * 2, base * 8);
        if (answer.open) {
          schedule();
        } else {
          stop();
        }
      })
      .catch(function () {
        delay = Math.min(delay * 2, base * 8);
        schedule();
      });
  }

  function wake() {
    if (!document.hidden && timer !== null) {
      // Back to the page: ask now rather than at the end of a hidden tab's long wait.
      clearTimeout(timer);
      delay = base;
      poll();
    }
  }

  document.addEventListener("visibilitychange", wake);
  document.documentElement.dataset.livePolling = "on";
  schedule();
})();
