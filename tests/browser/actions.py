"""What a person does in the browser, shared by the end-to-end tests."""

PASSWORD = "pw-for-tests"  # tests.factories.UserFactory's

_PHRASE_BOX = """(phrase) => {
  const body = document.getElementById("review-body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const i = node.data.indexOf(phrase);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + phrase.length);
    const rects = range.getClientRects();
    const first = rects[0], last = rects[rects.length - 1];
    return {x0: first.left + 1, y0: first.top + first.height / 2,
            x1: last.right - 1, y1: last.top + last.height / 2};
  }
  return null;
}"""


def log_in(page, live_server, user, password: str = PASSWORD):
    """Log `user` in through the admin's login form; returns the page."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")
    return page


def open_as(browser, live_server, user):
    """A page in a browser context of its own, logged in as `user`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    return log_in(context.new_page(), live_server, user)


def select_text(page, phrase: str) -> None:
    """Drag the mouse across `phrase` in the review page's text, as a reader would."""
    box = page.evaluate(_PHRASE_BOX, phrase)
    assert box, f"{phrase!r} is not on the page"
    page.mouse.move(box["x0"], box["y0"])
    page.mouse.down()
    page.mouse.move(box["x1"], box["y1"], steps=5)
    page.mouse.up()
