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

  function labelOf(field) {
    const label = field.id && document.querySelector(`label[for="${field.id}"]`);
    return (label ? label.textContent : field.getAttribute("aria-label") || "").replace(/:$/, "").trim();
  }

  function nameWidgets() {
    // The autocomplete boxes (select2) replace their <select> without carrying its name.
    document.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const box = select.parentElement.querySelector(".select2-selection[role=combobox]");
      const name = labelOf(select) || select.closest("table")?.querySelector(`th.column-${select.name.split("-").pop()}`)?.textContent.trim();
      if (!box || !name) return;
      box.setAttribute("aria-label", name);
      box.querySelector(".select2-selection__rendered")?.setAttribute("aria-label", name);
    });
  }

  function spellCheckEditors() {
    // The prose editor builds its editable area after load: the browser checks spelling in
    // it, and screen readers get the field's label.
    const mark = () => {
      const areas = document.querySelectorAll(".ProseMirror[contenteditable]");
      areas.forEach((area) => {
        area.spellcheck = true;
        const textarea = area.closest(".prose-editor")?.querySelector("textarea");
        if (textarea) area.setAttribute("aria-label", labelOf(textarea));
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
    // After jQuery's ready handlers, which build the autocomplete boxes.
    setTimeout(nameWidgets);
    window.addEventListener("load", nameWidgets);
    document.addEventListener("formset:added", () => setTimeout(nameWidgets));
  });
})();
