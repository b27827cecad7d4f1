// The live blog desk's fast form: posts in the background and puts the new update at the top
// of the list, so the desk keeps typing without a reload. Without this script the form posts
// normally and the page comes back with the update.
(function () {
  "use strict";
  var form = document.querySelector("[data-live-post]");
  var list = document.getElementById("live-desk-updates");
  if (!form || !list || !window.fetch) {
    return;
  }
  var status = form.querySelector("[data-live-post-status]");
  var button = form.querySelector("button[type=submit]");

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) {
            throw new Error(answer.error || response.status);
          }
          return answer;
        });
      })
      .then(function (answer) {
        var holder = document.createElement("ol");
        holder.innerHTML = answer.html; // rendered by our server from the sanitised update
        var empty = list.querySelector(".live-desk__empty");
        if (empty) {
          empty.remove();
        }
        list.insertBefore(holder.firstElementChild, list.firstElementChild);
        form.reset();
        status.textContent = answer.message;
      })
      .catch(function (error) {
        status.textContent = error.message;
      })
      .finally(function () {
        button.disabled = false;
        form.querySelector("textarea").focus();
      });
  });
})();
