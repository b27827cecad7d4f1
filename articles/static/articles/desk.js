// The article form's helpers: the headline's character count, spell-checking in the body
// editor, a confirmation before a button marked data-confirm submits (unpublishing a live
// story, restoring over it), and autosave of unsaved changes in this browser. Every text comes
// from the page, translated by the server.
"use strict";

(function () {
  // The body editors, by their <textarea>: they announce themselves once built, which may be
  // before this script's DOMContentLoaded work (so this script is not deferred).
  const editors = new Map();
  document.addEventListener("prose-editor:ready", (event) => {
    editors.set(event.detail.textarea, event.detail.editor);
    event.detail.editor.on("update", () => document.dispatchEvent(new Event("desk:edited")));
  });

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

  // A preview at a phone's width: the window is opened at that size just before the form
  // is sent into it (the button's formtarget names it).
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-preview-width]");
    if (!button) return;
    const width = Number(button.dataset.previewWidth);
    window.open("", button.formTarget, `popup,width=${width},height=${Math.round(width * 2.1)}`);
  });

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

  // Autosave: the story's own fields (not the bylines' rows) are kept in localStorage a moment
  // after each edit, per user and article, with the version the form was loaded at. Coming
  // back after a crash or a closed tab, the form offers to restore or discard them. A draft
  // kept from an older version restores that version number too, so saving it meets the
  // server's lost-update check instead of overwriting a colleague's save.
  function autosave(form, box) {
    const key = box.dataset.key;
    const version = form.querySelector("[name=loaded_version]");
    const kept = (field) =>
      field.name && !field.name.includes("-") && !["csrfmiddlewaretoken", "loaded_version", "workflow"].includes(field.name) &&
      field.type !== "file" && field.type !== "submit" && field.type !== "button" && field.type !== "hidden";
    const fields = () => [...form.elements].filter(kept);
    const valueOf = (field) => {
      if (editors.has(field)) return editors.get(field).getHTML();
      return field.type === "checkbox" ? field.checked : field.value;
    };
    const snapshot = () => Object.fromEntries(fields().map((field) => [field.name, valueOf(field)]));
    const loaded = snapshot();
    let stored = null;
    try {
      stored = JSON.parse(localStorage.getItem(key));
    } catch (error) {
      stored = null;
    }
    const current = version ? Number(version.value) : 0;
    if (stored && stored.submitted && stored.version < current) {
      // Sent and saved since: the server has moved on.
      localStorage.removeItem(key);
      stored = null;
    }
    if (!key.endsWith(":new")) {
      // A story being changed has been added: a new story's draft that was sent is saved.
      const adding = key.replace(/:[^:]+$/, ":new");
      if (JSON.parse(localStorage.getItem(adding) || "{}").submitted) localStorage.removeItem(adding);
    }
    const differs = stored && Object.entries(stored.fields).some(([name, value]) => name in loaded && loaded[name] !== value);
    if (differs) offer(stored);

    let timer = null;
    const keep = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = snapshot();
        if (Object.entries(now).every(([name, value]) => loaded[name] === value)) return;
        localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), version: current, fields: now }));
      }, 700);
    };
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
    document.addEventListener("desk:edited", keep);
    form.addEventListener("submit", () => {
      clearTimeout(timer);
      const now = snapshot();
      localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), version: current, fields: now, submitted: true }));
    });
    box.dataset.armed = "";  // edits from now on are kept (what the browser tests wait for)

    function offer(draft) {
      const when = new Date(draft.savedAt).toLocaleString();
      const text = document.createElement("p");
      text.textContent = box.dataset.found.replace("{when}", when);
      const restore = document.createElement("button");
      restore.type = "button";
      restore.className = "button default";
      restore.textContent = box.dataset.restore;
      const discard = document.createElement("button");
      discard.type = "button";
      discard.className = "button";
      discard.textContent = box.dataset.discard;
      box.replaceChildren(text, restore, discard);
      box.hidden = false;
      discard.addEventListener("click", () => {
        localStorage.removeItem(key);
        box.hidden = true;
      });
      restore.addEventListener("click", () => {
        for (const field of fields()) {
          if (!(field.name in draft.fields)) continue;
          const value = draft.fields[field.name];
          if (editors.has(field)) editors.get(field).commands.setContent(value);
          else if (field.type === "checkbox") field.checked = value;
          else field.value = value;
          field.dispatchEvent(new Event("input", { bubbles: true }));
        }
        if (version && draft.version && draft.version < current) version.value = draft.version;
        const done = document.createElement("p");
        done.textContent = box.dataset.restored;
        box.replaceChildren(done);
        form.querySelector("[name=title]")?.focus();
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("#article_form");
    const box = document.querySelector("#desk-autosave");
    // After the body editor is built (its HTML is what is kept), or without it.
    if (form && box) window.addEventListener("load", () => setTimeout(() => autosave(form, box), 300));
    document.querySelectorAll("input[data-count-limit]").forEach(countCharacters);
    spellCheckEditors();
    // After jQuery's ready handlers, which build the autocomplete boxes.
    setTimeout(nameWidgets);
    window.addEventListener("load", nameWidgets);
    document.addEventListener("formset:added", () => setTimeout(nameWidgets));
  });
})();
