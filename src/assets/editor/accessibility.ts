/**
 * What Decap CMS 3.16 leaves out for screen readers (each found by axe-core on the editor's form),
 * filled in as Decap renders: React leaves alone the attributes it does not set itself.
 */

/** The label of the form field an element belongs to: "Text". */
function fieldLabel(element: Element): string | undefined {
  const label = element.closest('[class*="-ControlContainer"]')?.querySelector("label");
  return label?.firstChild?.textContent?.trim() || undefined;
}

function repair(root: ParentNode): void {
  // A canvas left in the page to measure text (it shows nothing) sits outside every landmark.
  for (const canvas of root.querySelectorAll("body > canvas:not([aria-hidden])"))
    canvas.setAttribute("aria-hidden", "true");
  // The preview pane's frame has no title.
  for (const frame of root.querySelectorAll("iframe#preview-pane:not([title])")) frame.setAttribute("title", "Preview");
  // The Markdown editor's text box has no name: its field's label.
  for (const box of root.querySelectorAll('[data-slate-editor][role="textbox"]:not([aria-label])')) {
    const label = fieldLabel(box);
    if (label) box.setAttribute("aria-label", label);
  }
  // The Markdown editor's "Rich Text | Markdown" switch has neither a name nor a state: on means Markdown.
  for (const toggle of root.querySelectorAll('[class*="-ToolbarToggle"] > button[role="switch"]')) {
    toggle.setAttribute("aria-label", "Markdown");
    const richText = toggle.closest('[class*="-ControlContainer"]')?.querySelector("[data-slate-editor]");
    toggle.setAttribute("aria-checked", String(!richText));
  }
  // A menu's button inside another element playing a button: the inner, real button is the one kept.
  for (const wrapper of root.querySelectorAll('span[role="button"][aria-haspopup]:has(> button)')) {
    wrapper.querySelector(":scope > button")?.setAttribute("aria-haspopup", "true");
    for (const name of ["role", "tabindex", "aria-haspopup", "aria-expanded"]) wrapper.removeAttribute(name);
  }
}

export function repairAccessibility(): void {
  new MutationObserver(() => repair(document)).observe(document.body, { childList: true, subtree: true });
}
