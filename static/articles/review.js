// Review page: selecting text in the article fills the annotation form (quote and offsets)
// and the re-attach forms of orphaned annotations. Offsets count characters of the body's
// text content, which is exactly the revision's body.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.getElementById("review-body");
  if (!body) return;
  const form = document.getElementById("annotate-form");
  const hint = document.getElementById("selection-hint");

  function selectionOffsets() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const exact = range.toString();
    return { start, end: start + exact.length, exact };
  }

  function fill(target, picked) {
    target.querySelector("[name=start]").value = picked.start;
    target.querySelector("[name=end]").value = picked.end;
    target.querySelector("[name=exact]").value = picked.exact;
  }

  body.addEventListener("mouseup", () => {
    const picked = selectionOffsets();
    if (!picked || !picked.exact.trim()) return;
    if (form) {
      fill(form, picked);
      if (hint) hint.textContent = `Selected ${picked.exact.length} characters.`;
    }
    document.querySelectorAll(".reattach-form").forEach((f) => fill(f, picked));
  });

  if (form) {
    // Typing a quote by hand: the server finds it in the text.
    form.querySelector("[name=exact]").addEventListener("input", () => {
      form.querySelector("[name=start]").value = "";
      form.querySelector("[name=end]").value = "";
    });
  }

  // Hovering an annotation in the list outlines its passage in the text.
  document.querySelectorAll(".review-annotation").forEach((card) => {
    const key = card.dataset.key;
    const marks = body.querySelectorAll(`mark[data-keys~="${key}"]`);
    card.addEventListener("mouseenter", () => marks.forEach((m) => m.classList.add("focus")));
    card.addEventListener("mouseleave", () => marks.forEach((m) => m.classList.remove("focus")));
  });
});
