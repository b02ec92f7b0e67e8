// Split view: ticking or unticking a story start updates the preview at once (one click).
// Without JavaScript the "Update preview" button does the same.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("split-form");
  const preview = document.getElementById("split-preview");
  if (!form || !preview) return;
  form.addEventListener("change", (event) => {
    if (event.target.matches("input.split-start")) form.requestSubmit(preview);
  });
});
