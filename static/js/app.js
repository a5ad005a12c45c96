// Confirmation before irreversible actions, and formset rows added in place.
// Without JavaScript the same buttons still work: the server adds the row.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const message = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

document.querySelectorAll(".formset").forEach((formset) => {
  const prefix = formset.dataset.prefix;
  const total = formset.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  const template = formset.querySelector("template.empty-form");
  const button = formset.querySelector(".add-row");
  if (!total || !template || !button) {
    return;
  }
  button.addEventListener("click", (event) => {
    event.preventDefault();
    const index = Number(total.value);
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    button.insertAdjacentHTML("beforebegin", html);
    total.value = String(index + 1);
  });
});

// Report progress: poll the status until the PDF is ready or failed.
const progress = document.querySelector("[data-report-status-url]");
if (progress) {
  const poll = async () => {
    const response = await fetch(progress.dataset.reportStatusUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      return;
    }
    const data = await response.json();
    const bar = progress.querySelector(".progress-bar");
    bar.style.width = `${data.progress}%`;
    bar.textContent = `${data.progress}%`;
    progress.querySelector(".report-status-text").textContent = data.status_display;
    if (data.status === "ready" || data.status === "failed") {
      window.location.reload();
      return;
    }
    window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1500);
}
