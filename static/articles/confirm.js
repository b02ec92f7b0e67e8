// Destructive steps (retract, dismiss) ask first. Without JavaScript their links open a
// confirmation page; with it, the same question opens in a dialog over the page.
document.addEventListener("DOMContentLoaded", () => {
  const dialog = document.getElementById("confirm-dialog");
  if (!dialog || typeof dialog.showModal !== "function") return;
  const form = document.getElementById("confirm-form");
  const note = document.getElementById("confirm-note");
  const set = (id, text) => (document.getElementById(id).textContent = text);

  document.querySelectorAll("a[data-confirm-action]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      form.action = link.dataset.confirmAction;
      set("confirm-title", link.dataset.confirmTitle);
      set("confirm-warning", link.dataset.confirmWarning);
      set("confirm-label", link.dataset.confirmLabel);
      set("confirm-submit", link.dataset.confirmSubmit);
      note.value = "";
      dialog.showModal();
      note.focus();
    });
  });
  document.getElementById("confirm-cancel").addEventListener("click", () => dialog.close());
});
