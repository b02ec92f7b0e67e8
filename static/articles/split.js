// Split view: every change (ticking a start, moving a start, deciding on a duplicate
// or a sub-heading) refreshes the preview in place, keeping the editor's scroll
// position and focus. Without JavaScript the same buttons post the form and the
// page comes back at the line that moved.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("split-form");
  if (!form || !document.getElementById("split-preview")) return;

  let fallingBack = false;
  let latest = 0; // only the newest of overlapping updates is applied
  const refresh = async (submitter) => {
    const mine = ++latest;
    const body = new FormData(form, submitter);
    const scrollY = window.scrollY;
    const focused = document.activeElement;
    const focusKey = focused && focused.name ? [focused.name, focused.value] : null;
    form.closest(".split-view").classList.add("is-updating");
    try {
      const response = await fetch(form.action || window.location.href, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const html = await response.text();
      if (mine !== latest) return;
      const fresh = new DOMParser().parseFromString(html, "text/html");
      const freshForm = fresh.getElementById("split-form");
      if (!freshForm) throw new Error("no form in the response");
      form.replaceChildren(...freshForm.childNodes);
      const title = fresh.querySelector("#content h1");
      const oldTitle = document.querySelector("#content h1");
      if (title && oldTitle) oldTitle.textContent = title.textContent;
    } catch (error) {
      // Fall back to an ordinary post: the page reloads, nothing is lost.
      fallingBack = true;
      form.requestSubmit(
        form.contains(submitter) ? submitter : document.getElementById("split-preview"),
      );
      return;
    } finally {
      form.closest(".split-view").classList.remove("is-updating");
    }
    window.scrollTo(0, scrollY);
    if (focusKey) {
      const again = [...form.elements].find(
        (el) => el.name === focusKey[0] && el.value === focusKey[1],
      );
      if (again) again.focus({ preventScroll: true });
    }
    document.dispatchEvent(new CustomEvent("split:updated"));
  };

  form.addEventListener("submit", (event) => {
    const submitter = event.submitter;
    if (fallingBack || !submitter || submitter.name === "create") return;
    event.preventDefault();
    refresh(submitter);
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("input.split-start, input[name=drop], input[name=subheading]")) {
      // The form's buttons are replaced by each update: find the current one.
      refresh(document.getElementById("split-preview"));
    }
  });
});
