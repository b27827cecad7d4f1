// The article form's helpers: the headline's character count, spell-checking in the body
// editor, and a confirmation before a button marked data-confirm submits (unpublishing a live
// story, restoring over it). Every text comes from the page, translated by the server.
"use strict";

(function () {
  function countCharacters(input) {
    const limit = Number(input.dataset.countLimit);
    const output = document.createElement("p");
    output.className = "desk-count help";
    output.id = input.id + "-count";
    output.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), output.id].filter(Boolean).join(" "));
    input.insertAdjacentElement("afterend", output);
    function update() {
      const count = [...input.value].length;
      output.textContent = input.dataset.countText
        .replace("%(count)s", count)
        .replace("%(limit)s", limit);
      output.classList.toggle("desk-count--over", count > limit);
    }
    input.addEventListener("input", update);
    update();
  }

  function spellCheckEditors() {
    // The prose editor builds its editable area after load; the browser checks spelling in it.
    const mark = () => {
      const areas = document.querySelectorAll(".ProseMirror[contenteditable]");
      areas.forEach((area) => {
        area.spellcheck = true;
      });
      return areas.length > 0;
    };
    if (mark()) return;
    const watcher = new MutationObserver(() => mark() && watcher.disconnect());
    watcher.observe(document.body, { childList: true, subtree: true });
  }

  function ask(button) {
    return new Promise((resolve) => {
      const dialog = document.createElement("dialog");
      dialog.className = "desk-confirm";
      dialog.setAttribute("aria-labelledby", "desk-confirm-text");
      const text = document.createElement("p");
      text.id = "desk-confirm-text";
      text.textContent = button.dataset.confirm;
      const form = document.createElement("form");
      form.method = "dialog";
      const cancel = document.createElement("button");
      cancel.value = "cancel";
      cancel.className = "button";
      cancel.textContent = button.dataset.cancelButton;
      const confirm = document.createElement("button");
      confirm.value = "confirm";
      confirm.className = "button desk-danger";
      confirm.textContent = button.dataset.confirmButton || button.textContent;
      form.append(cancel, " ", confirm);
      dialog.append(text, form);
      document.body.append(dialog);
      dialog.addEventListener("close", () => {
        resolve(dialog.returnValue === "confirm");
        dialog.remove();
      });
      dialog.showModal();
      cancel.focus(); // the safe choice is the one Enter takes
    });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-confirm]");
    if (!button || button.dataset.confirmed) return;
    event.preventDefault();
    ask(button).then((confirmed) => {
      if (!confirmed) return;
      button.dataset.confirmed = "yes";
      button.form.requestSubmit(button);
    });
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[data-count-limit]").forEach(countCharacters);
    spellCheckEditors();
  });
})();
