"use strict";
// Posts the form to /videos, polls each job, and adds its card from /videos/{id}/card once it is done or failed.
// Text from users only ever goes in as textContent; the cards come from the server, which escapes them.
(() => {
  const POLL_MILLIS = 1000;
  const form = document.getElementById("video-form");
  const error = document.getElementById("form-error");
  const pending = document.getElementById("pending");
  const cards = document.getElementById("cards");
  const summary = document.querySelector(".summary");
  const submit = form.querySelector("button[type=submit]");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearError();
    const request = { prompt: form.elements.prompt.value };
    for (const name of ["model", "resolution", "aspect_ratio", "seconds"]) {
      const value = form.elements[name].value;
      if (value !== "") {
        request[name] = name === "seconds" ? Number(value) : value;
      }
    }
    // one click, one generation: each is paid for
    submit.disabled = true;
    try {
      const answer = await fetch("/videos", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, application/problem+json" },
        body: JSON.stringify(request),
      });
      const body = await answer.json().catch(() => ({}));
      if (answer.status === 202 && body.id) {
        // cleared, so a second click sends nothing rather than paying for the same video twice
        form.elements.prompt.value = "";
        track(body.id, request.prompt);
      } else {
        showError(body.field, body.detail || body.title || "HTTP " + answer.status);
      }
    } catch (failure) {
      showError(null, "The server could not be reached: " + failure.message);
    } finally {
      submit.disabled = false;
    }
  });

  function track(id, prompt) {
    const item = document.createElement("li");
    item.dataset.id = id;
    item.textContent = "Generating: " + prompt;
    pending.prepend(item);
    poll(item);
  }

  async function poll(item) {
    const id = item.dataset.id;
    try {
      const answer = await fetch("/videos/" + encodeURIComponent(id), { headers: { Accept: "application/json" } });
      if (answer.status === 404) {
        item.textContent = "The server no longer knows video " + id;
        return;
      }
      const job = await answer.json();
      if (job.status === "done" || job.status === "failed") {
        const card = await fetch("/videos/" + encodeURIComponent(id) + "/card", { headers: { Accept: "text/html" } });
        if (card.ok) {
          addCard(await card.text());
          item.remove();
          return;
        }
      }
    } catch (failure) {
      // the server restarting or a dropped connection: ask again at the next tick
    }
    setTimeout(() => poll(item), POLL_MILLIS);
  }

  function addCard(html) {
    const template = document.createElement("template");
    template.innerHTML = html; // the server's card: built with jsoup, every text in it escaped
    cards.prepend(template.content.firstElementChild);
    const failed = cards.querySelectorAll("article.card.failed").length;
    const videos = cards.querySelectorAll("article.card").length - failed;
    summary.textContent = videos + (videos === 1 ? " video" : " videos") + ", " + failed + " failed";
  }

  function showError(field, detail) {
    error.replaceChildren();
    if (field) {
      const name = document.createElement("strong");
      name.textContent = field;
      error.append(name, ": ");
      const control = form.elements.namedItem(field);
      if (control instanceof Element) {
        control.setAttribute("aria-invalid", "true");
      }
    }
    error.append(detail);
    error.hidden = false;
  }

  function clearError() {
    error.hidden = true;
    error.replaceChildren();
    form.querySelectorAll("[aria-invalid]").forEach((control) => control.removeAttribute("aria-invalid"));
  }

  pending.querySelectorAll("li[data-id]").forEach(poll);
})();
