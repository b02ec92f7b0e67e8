// Review page: selecting text in the article (mouse, or Shift and the arrow keys) fills
// the annotation form (quote and offsets) and the re-attach forms of orphaned
// annotations; on wide screens each open thread sits in the margin beside its passage.
//
// Offsets are counted in code points, as the server (Python) counts them: JavaScript
// strings count UTF-16 units, so an emoji before the selection would otherwise shift
// it by one. The body's text content is exactly the revision's body.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.getElementById("review-body");
  if (!body) return;
  const form = document.getElementById("annotate-form");
  const hint = document.getElementById("selection-hint");
  const threads = document.getElementById("review-threads");
  const wide = window.matchMedia("(min-width: 900px)");

  const codePoints = (text) => Array.from(text).length;

  // Keyboard selection: browsers move a caret (and Shift+arrows select) only in
  // editable text, so the body is made editable and every edit refused: a reader can
  // Tab into it, move with the arrows and select with Shift, but never change it.
  body.contentEditable = "true";
  body.spellcheck = false;
  body.setAttribute("role", "textbox");
  body.setAttribute("aria-readonly", "true");
  body.setAttribute("aria-multiline", "true");
  body.setAttribute("aria-label", "Article text: select a passage to annotate it");
  ["beforeinput", "paste", "drop", "cut"].forEach((type) =>
    body.addEventListener(type, (event) => event.preventDefault())
  );

  function selectionOffsets() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    const start = codePoints(before.toString());
    const exact = range.toString();
    return { start, end: start + codePoints(exact), exact };
  }

  function fill(target, picked) {
    target.querySelector("[name=start]").value = picked.start;
    target.querySelector("[name=end]").value = picked.end;
    target.querySelector("[name=exact]").value = picked.exact;
  }

  function picked() {
    const chosen = selectionOffsets();
    if (!chosen || !chosen.exact.trim()) return;
    if (form) {
      fill(form, chosen);
      if (hint) hint.textContent = `Selected ${chosen.end - chosen.start} characters.`;
    }
    document.querySelectorAll(".reattach-form").forEach((f) => fill(f, chosen));
  }

  let pending = null;
  document.addEventListener("selectionchange", () => {
    clearTimeout(pending);
    pending = setTimeout(picked, 60);
  });
  body.addEventListener("mouseup", picked);

  if (form) {
    // Typing a quote by hand: the server finds it in the text.
    form.querySelector("[name=exact]").addEventListener("input", () => {
      form.querySelector("[name=start]").value = "";
      form.querySelector("[name=end]").value = "";
    });
  }

  const cards = Array.from(document.querySelectorAll(".review-annotation"));
  const marksOf = (card) => body.querySelectorAll(`mark[data-keys~="${card.dataset.key}"]`);

  // A card and its passage light up together.
  cards.forEach((card) => {
    const marks = marksOf(card);
    const on = () => marks.forEach((m) => m.classList.add("focus"));
    const off = () => marks.forEach((m) => m.classList.remove("focus"));
    card.addEventListener("mouseenter", on);
    card.addEventListener("mouseleave", off);
    card.addEventListener("focusin", on);
    card.addEventListener("focusout", off);
    card.addEventListener("click", () =>
      cards.forEach((c) => c.classList.toggle("is-active", c === card))
    );
  });
  body.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-keys]");
    if (!mark || !window.getSelection().isCollapsed) return;
    const key = mark.dataset.keys.split(" ").find((k) => k.startsWith("a"));
    const card = key && document.querySelector(`.review-annotation[data-key="${key}"]`);
    if (!card) return;
    cards.forEach((c) => c.classList.toggle("is-active", c === card));
    card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });

  // Wide screens: each open thread beside its passage, pushed down only to avoid the
  // one above it (as comments in a document's margin).
  function layout() {
    if (!threads) return;
    const open = Array.from(threads.querySelectorAll(".review-annotation"));
    if (!wide.matches) {
      threads.classList.remove("is-aligned");
      threads.style.height = "";
      open.forEach((card) => (card.style.top = ""));
      return;
    }
    threads.classList.add("is-aligned");
    const origin = threads.getBoundingClientRect().top;
    const placed = open.map((card, order) => {
      const mark = marksOf(card)[0];
      const top = mark ? mark.getBoundingClientRect().top - origin : Infinity;
      return { card, order, top };
    });
    placed.sort((a, b) => a.top - b.top || a.order - b.order);
    let next = 0;
    placed.forEach(({ card, top }) => {
      const at = Math.max(Number.isFinite(top) ? top : next, next);
      card.style.top = `${at}px`;
      next = at + card.offsetHeight + 8;
    });
    threads.style.height = `${next}px`;
  }
  layout();
  wide.addEventListener("change", layout);
  window.addEventListener("resize", layout);
  document.querySelectorAll(".review-margin details").forEach((d) =>
    d.addEventListener("toggle", layout)
  );
});
