// "Auf die Merkliste" / "Von der Merkliste nehmen" without leaving the page, so keyboard and screen-reader users
// keep their place: the toggle form is swapped for the one the server renders next and focus returns to its button.
// Without JavaScript the forms post and the page reloads as before ({% merkliste_toggle %}, merkliste_tags.py).
"use strict";
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.matches("form.merkliste-toggle")) return;
  event.preventDefault();
  const response = await fetch(form.action, { method: "POST", body: new FormData(form) });
  if (!response.ok) return form.submit();
  const next = new DOMParser().parseFromString(await response.text(), "text/html");
  const slug = form.elements.offer.value;
  const twin = [...next.querySelectorAll("form.merkliste-toggle")].find((f) => f.elements.offer.value === slug);
  if (!twin) return window.location.assign(response.url);
  form.replaceWith(twin);
  twin.querySelector("button").focus();
  swap(next, ".merkliste-link");
  announce(next);
});

function swap(next, selector) {
  const fresh = next.querySelector(selector);
  const old = document.querySelector(selector);
  if (fresh && old) old.replaceWith(fresh);
}

// The server's confirmation ("… steht jetzt auf Ihrer Merkliste.") goes into the status region, read out politely.
function announce(next) {
  const fresh = next.querySelector(".messages");
  let region = document.querySelector(".messages");
  if (!fresh) return;
  if (!region) {
    region = document.createElement("div");
    region.className = "messages";
    region.setAttribute("role", "status");
    document.getElementById("main").prepend(region);
  }
  region.replaceChildren(...fresh.childNodes);
}
